namespace Search.Genomes.KanBasis;

/// <summary>AF-KAN feature activation applied to x - low and high - x.</summary>
public enum AfActivation { Softplus, Sigmoid, Silu, Relu, LeakyRelu, Elu, Gelu, Selu, Tanh }
