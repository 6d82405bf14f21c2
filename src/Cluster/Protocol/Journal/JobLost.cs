using MessagePack;

namespace Cluster.Protocol.Journal;

/// <summary>
/// Persisted event: a handed-out job was lost (its worker died, became unreachable, crashed on it
/// or passed the deadline). It counts a strike against the proposal, so poison survives restarts.
/// </summary>
[MessagePackObject]
public sealed record JobLost(
    [property: Key(0)] long ProposalId,
    [property: Key(1)] string WorkerId,
    [property: Key(2)] string Why) : IClusterMessage;
