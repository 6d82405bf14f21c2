using Cluster.Protocol;

namespace Cluster.Hosting;

/// <summary>What a progress display shows: evaluations done of the budget, rejections by stage, the best so far, ETA, workers.</summary>
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
    int InFlight);
