using Cluster.Protocol.Data;
using MessagePack;

namespace Cluster.Protocol;

/// <summary>The cached result for the fingerprint, or null when the cache has none.</summary>
[MessagePackObject]
public sealed record EquivalenceAnswer([property: Key(0)] FingerprintData Fingerprint, [property: Key(1)] ResultData? Result) : IClusterMessage;
