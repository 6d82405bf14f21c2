using MessagePack;

namespace Cluster.Protocol;

/// <summary>The result is stored (or was already: <see cref="Duplicate"/>); the worker may forget it.</summary>
[MessagePackObject]
public sealed record ResultAck([property: Key(0)] long ProposalId, [property: Key(1)] bool Duplicate) : IClusterMessage;
