namespace Search.Genomes.Routing;

/// <summary>The activation between the linear map and the softmax of an act_softmax gate.</summary>
public enum GateActivation { Relu, Gelu, Silu, Tanh, Sigmoid, Softplus, Elu, LeakyRelu }
