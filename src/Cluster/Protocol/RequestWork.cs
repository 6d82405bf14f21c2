using MessagePack;

namespace Cluster.Protocol;

/// <summary>A worker asks for one job. <see cref="Device"/> is e.g. "cpu" or "cuda:0"; <see cref="Families"/> empty means any.</summary>
[MessagePackObject]
public sealed record RequestWork(
    [property: Key(0)] string WorkerId,
    [property: Key(1)] string Device,
    [property: Key(2)] string[] Families) : IClusterMessage;
