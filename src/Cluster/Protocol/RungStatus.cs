using MessagePack;

namespace Cluster.Protocol;

/// <summary>
/// One multi-fidelity rung in a status report: its budget (epoch override, seeds per training), how
/// many trainings ran at it, how many were accepted, how many candidates left it for the next rung,
/// and the best value of the ranking objective there (natural direction; null before any).
/// </summary>
[MessagePackObject]
public sealed record RungStatus(
    [property: Key(0)] int Rung,
    [property: Key(1)] int? Epochs,
    [property: Key(2)] int Seeds,
    [property: Key(3)] long Evaluated,
    [property: Key(4)] long Accepted,
    [property: Key(5)] long Promoted,
    [property: Key(6)] string RankObjective,
    [property: Key(7)] double? Best);
