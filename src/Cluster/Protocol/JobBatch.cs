using MessagePack;

namespace Cluster.Protocol;

/// <summary>Several jobs for one slot, evaluated in this order; never empty (no work is <see cref="NoWorkYet"/>).</summary>
[MessagePackObject]
public sealed record JobBatch([property: Key(0)] Job[] Jobs) : IClusterMessage;
