using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// Results a slot has not had acknowledged yet, in one message; sent again (whole or in part)
/// until each is in a <see cref="ResultAcks"/>. The coordinator ignores repeats.
/// </summary>
[MessagePackObject]
public sealed record ResultBatch([property: Key(0)] JobResult[] Results) : IClusterMessage;
