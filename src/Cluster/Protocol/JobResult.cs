using MessagePack;

namespace Cluster.Protocol;

/// <summary>A worker's report for one proposal; sent again until <see cref="ResultAck"/> comes back (the coordinator ignores repeats).</summary>
[MessagePackObject]
public sealed record JobResult(
    [property: Key(0)] string RunId,
    [property: Key(1)] long ProposalId,
    [property: Key(2)] string WorkerId,
    [property: Key(3)] int Attempt,
    [property: Key(4)] ReportData Report) : IClusterMessage;
