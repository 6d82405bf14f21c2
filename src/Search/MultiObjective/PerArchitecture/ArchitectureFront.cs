namespace Search.MultiObjective.PerArchitecture;

/// <summary>
/// The non-dominated archive entries on one architecture's objectives. <see cref="Objectives"/> are
/// indices into the search's objective set; <see cref="Baseline"/> is the baseline's values on them
/// (natural direction), or null when no baseline was given.
/// </summary>
public sealed record ArchitectureFront(
    string Architecture,
    IReadOnlyList<int> Objectives,
    IReadOnlyList<double>? Baseline,
    IReadOnlyList<FrontMember> Members);

/// <summary>
/// One front member: its index in the archive, its values on the architecture's objectives (natural
/// direction) and, against the baseline, the gain per objective (positive = better than the
/// baseline, whatever the direction) and whether either dominates the other. Gains and flags are
/// NaN / false without a baseline.
/// </summary>
public sealed record FrontMember(
    int Entry,
    IReadOnlyList<double> Values,
    IReadOnlyList<double> Gains,
    bool DominatesBaseline,
    bool DominatedByBaseline);
