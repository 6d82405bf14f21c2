using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// One member of the Pareto front: proposal id, canonical genome text, objectives in their natural
/// direction, the evaluator's metrics and learned scalars (what export needs, e.g. a learned e), and
/// the multi-fidelity rung the values were measured at (0 without rungs).
/// </summary>
[MessagePackObject]
public sealed record FrontMember(
    [property: Key(0)] long Id,
    [property: Key(1)] string Genome,
    [property: Key(2)] double[] Objectives,
    [property: Key(3)] Dictionary<string, double>? Metrics = null,
    [property: Key(4)] Dictionary<string, double>? Learned = null,
    [property: Key(5)] int Rung = 0);
