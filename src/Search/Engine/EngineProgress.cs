namespace Search.Engine;

/// <summary>
/// What a stop predicate sees after each result applied in order. <see cref="BestMinimized"/> is
/// the best accepted value of each minimised objective (+infinity while none is accepted).
/// </summary>
public sealed record EngineProgress(long Proposed, long Applied, long Accepted, long Rejected, long Failed, int FrontSize, int Generation,
    IReadOnlyList<double> BestMinimized);
