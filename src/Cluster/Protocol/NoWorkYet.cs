using MessagePack;

namespace Cluster.Protocol;

/// <summary>Nothing to hand out now (a generation barrier, or the run is over): ask again after <see cref="RetryAfterMs"/>.</summary>
[MessagePackObject]
public sealed record NoWorkYet(
    [property: Key(0)] long RetryAfterMs,
    [property: Key(1)] bool RunComplete) : IClusterMessage;
