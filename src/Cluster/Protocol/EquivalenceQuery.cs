using Cluster.Protocol.Data;
using MessagePack;

namespace Cluster.Protocol;

/// <summary>A worker's evaluator asks the coordinator's functional-equivalence cache about a fingerprint.</summary>
[MessagePackObject]
public sealed record EquivalenceQuery([property: Key(0)] string RunId, [property: Key(1)] FingerprintData Fingerprint) : IClusterMessage;
