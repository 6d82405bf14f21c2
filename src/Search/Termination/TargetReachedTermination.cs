namespace Search.Termination;

/// <summary>
/// Stops once the best value of one objective reaches a target, both in minimised form (for a
/// maximised objective, pass the negated target: accuracy 0.9 is -0.9).
/// </summary>
public sealed class TargetReachedTermination(int objective, double minimizedTarget) : ITermination
{
    public string Name => "target";
    public int Objective { get; } = objective;
    public double MinimizedTarget { get; } = minimizedTarget;
    public bool IsMet(SearchProgress progress) => progress.BestMinimized[Objective] <= MinimizedTarget;
}
