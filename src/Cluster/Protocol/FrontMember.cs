using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// One member of the Pareto front: proposal id, canonical genome text, objectives in their natural
/// direction, and the evaluator's metrics and learned scalars (what export needs, e.g. a learned e).
/// </summary>
[MessagePackObject]
public sealed record FrontMember(
    [property: Key(0)] long Id,
    [property: Key(1)] string Genome,
    [property: Key(2)] double[] Objectives,
    [property: Key(3)] Dictionary<string, double>? Metrics = null,
    [property: Key(4)] Dictionary<string, double>? Learned = null);
