using Search.Termination;

namespace Search.Engine;

/// <summary>
/// Adapts the composable termination criteria to the engine's stop predicate. Criteria that keep
/// their own state (stagnation, wall time) are not part of the saved engine state: after a restore
/// they start afresh.
/// </summary>
public static class TerminationStop
{
    public static Func<EngineProgress, bool> ToStopPredicate(this ITermination termination) =>
        p => termination.IsMet(new SearchProgress(p.Applied, p.Generation, p.BestMinimized));
}
