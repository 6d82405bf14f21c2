using Cluster.Protocol;

namespace Cluster.Hosting;

/// <summary>
/// What a progress display shows: evaluations done of the budget, rejections by stage, the best so far, ETA, workers,
/// and a notice when something needs the user's attention (no evaluator slot; waiting for jobs in flight after an early stop).
/// </summary>
public sealed record RunProgress(
    long Done,
    long Total,
    long Accepted,
    long Rejected,
    long Failed,
    IReadOnlyDictionary<string, long> RejectedByStage,
    FrontMember? Best,
    int FrontSize,
    TimeSpan? Eta,
    int Workers,
    int InFlight,
    string? Notice = null);
