using MessagePack;

namespace Cluster.Protocol;

/// <summary>One member of the Pareto front: proposal id, canonical genome text, objectives in their natural direction.</summary>
[MessagePackObject]
public sealed record FrontMember([property: Key(0)] long Id, [property: Key(1)] string Genome, [property: Key(2)] double[] Objectives);
