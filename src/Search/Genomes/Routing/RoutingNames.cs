using Search.Genomes.Text;

namespace Search.Genomes.Routing;

/// <summary>Text names of the routing keys and enum values, and which keys each gate takes.</summary>
public static class RoutingNames
{
    public const string Gate = "gate", Experts = "experts", K = "k", Tau = "tau", TauStart = "tau_start",
        TauEnd = "tau_end", Schedule = "schedule", Steps = "steps", Act = "act", LoadBalance = "lb",
        Capacity = "capacity", ZLoss = "zloss", P = "p", Bias = "bias";

    /// <summary>All keys in canonical order.</summary>
    public static readonly IReadOnlyList<string> AllKeys =
        [Gate, Experts, K, P, Tau, TauStart, TauEnd, Schedule, Steps, Act, LoadBalance, Capacity, ZLoss, Bias];

    public static readonly SnakeCaseNames<GateType> Gates = new(new Dictionary<GateType, string>
    {
        [GateType.SoftmaxTopK] = "softmax_topk", [GateType.NoisyTopK] = "noisy_topk",
        [GateType.DenseToSparse] = "dense_to_sparse", [GateType.ActSoftmax] = "act_softmax",
        [GateType.ExpertChoice] = "expert_choice", [GateType.TopP] = "top_p",
    });

    public static readonly SnakeCaseNames<ScheduleKind> Schedules = new(new Dictionary<ScheduleKind, string>
    {
        [ScheduleKind.Linear] = "linear", [ScheduleKind.Cosine] = "cosine", [ScheduleKind.Exp] = "exp",
    });

    public static readonly SnakeCaseNames<GateActivation> Activations = new(new Dictionary<GateActivation, string>
    {
        [GateActivation.Relu] = "relu", [GateActivation.Gelu] = "gelu", [GateActivation.Silu] = "silu",
        [GateActivation.Tanh] = "tanh", [GateActivation.Sigmoid] = "sigmoid", [GateActivation.Softplus] = "softplus",
        [GateActivation.Elu] = "elu", [GateActivation.LeakyRelu] = "leaky_relu",
    });

    /// <summary>
    /// The keys a gate takes, in canonical order. Expert choice has no k (experts pick tokens) and no
    /// load-balancing loss nor balancing bias (it is balanced by construction); dense-to-sparse has a
    /// schedule instead of tau; top-p a threshold p instead of k.
    /// </summary>
    public static IReadOnlyList<string> KeysOf(GateType gate) => gate switch
    {
        GateType.ExpertChoice => [Gate, Experts, Tau, Capacity, ZLoss],
        GateType.DenseToSparse => [Gate, Experts, K, TauStart, TauEnd, Schedule, Steps, LoadBalance, Capacity, ZLoss, Bias],
        GateType.ActSoftmax => [Gate, Experts, K, Tau, Act, LoadBalance, Capacity, ZLoss, Bias],
        GateType.TopP => [Gate, Experts, P, Tau, LoadBalance, Capacity, ZLoss, Bias],
        _ => [Gate, Experts, K, Tau, LoadBalance, Capacity, ZLoss, Bias],
    };
}
