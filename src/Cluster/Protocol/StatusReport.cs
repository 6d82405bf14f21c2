using Cluster.Protocol.Data;
using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// Where a run stands: evaluations applied of the budget, outcome counts, rejections by stage,
/// the front, jobs in flight and workers seen, and every rejection stage's counters (examined,
/// rejected, seconds spent, training time saved) and, under multi-fidelity evaluation, the rungs;
/// a notice when the run cannot progress (no evaluator slot connected). Also written to the run directory as status.json.
/// </summary>
[MessagePackObject]
public sealed record StatusReport(
    [property: Key(0)] string RunId,
    [property: Key(1)] long Done,
    [property: Key(2)] long Total,
    [property: Key(3)] long Accepted,
    [property: Key(4)] long Rejected,
    [property: Key(5)] long Failed,
    [property: Key(6)] Dictionary<string, long> RejectedByStage,
    [property: Key(7)] FrontMember[] Front,
    [property: Key(8)] int InFlight,
    [property: Key(9)] int Workers,
    [property: Key(10)] bool IsDone,
    [property: Key(11)] long Duplicates,
    [property: Key(12)] long Poisoned,
    [property: Key(13)] StageStatsData[]? Stages = null,
    [property: Key(14)] RungStatus[]? Rungs = null,
    [property: Key(15)] string? Notice = null) : IClusterMessage;
