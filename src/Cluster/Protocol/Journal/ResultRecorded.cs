using MessagePack;

namespace Cluster.Protocol.Journal;

/// <summary>Persisted event: the first result for a proposal, stored before the worker is acknowledged.</summary>
[MessagePackObject]
public sealed record ResultRecorded(
    [property: Key(0)] long ProposalId,
    [property: Key(1)] string WorkerId,
    [property: Key(2)] int Attempt,
    [property: Key(3)] ReportData Report) : IClusterMessage;
