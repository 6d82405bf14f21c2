using MessagePack;
using Search.Core;
using Search.Rejection;

namespace Cluster.Protocol;

/// <summary>The cached result for the fingerprint, or null when the cache has none.</summary>
[MessagePackObject]
public sealed record EquivalenceAnswer([property: Key(0)] ProbeFingerprint Fingerprint, [property: Key(1)] EvaluationResult? Result) : IClusterMessage;
