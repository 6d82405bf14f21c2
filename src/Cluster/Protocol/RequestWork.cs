using MessagePack;

namespace Cluster.Protocol;

/// <summary>A worker asks for one job; any worker takes any job of the run.</summary>
[MessagePackObject]
public sealed record RequestWork([property: Key(0)] string WorkerId) : IClusterMessage;
