using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// The evaluator crashed on a job (an exception escaped it): not a measured outcome, so the job is
/// requeued; a proposal that breaks workers twice is recorded as failed ("poison").
/// </summary>
[MessagePackObject]
public sealed record JobFailed(
    [property: Key(0)] string RunId,
    [property: Key(1)] long ProposalId,
    [property: Key(2)] string WorkerId,
    [property: Key(3)] string Error) : IClusterMessage;
