using MessagePack;

namespace Cluster.Protocol;

/// <summary>These proposals' results are stored (or already were); the worker may forget them.</summary>
[MessagePackObject]
public sealed record ResultAcks([property: Key(0)] long[] ProposalIds) : IClusterMessage;
