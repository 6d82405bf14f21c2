namespace Evaluators.Families.Routing.Gating;

/// <summary>The two gating families of Nguyen, Akbarian and Ho (ICML 2024) compared by the gating benchmark.</summary>
public enum GatingKind
{
    /// <summary>Temperature softmax gating: pi_i(x) = softmax_i((beta1_i . x + beta0_i) / tau), tau learned.</summary>
    SoftmaxTemperature,

    /// <summary>Activation-then-softmax gating: pi_i(x) = softmax_i(tanh(beta1_i . x) + beta0_i).</summary>
    ActivationSoftmax,
}
