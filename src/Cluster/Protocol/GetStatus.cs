using MessagePack;

namespace Cluster.Protocol;

/// <summary>Asks the coordinator for a <see cref="StatusReport"/>. Data-less, so one instance serves.</summary>
[MessagePackObject]
public sealed record GetStatus : IClusterMessage
{
    public static GetStatus Instance { get; } = new();
}
