namespace Search.Termination;

/// <summary>
/// Stops when no objective's best value has improved by more than <c>tolerance</c> for
/// <c>generations</c> generations. Stateful: it remembers the best values and when they last moved.
/// </summary>
public sealed class StagnationTermination(int generations, double tolerance = 0) : ITermination
{
    private double[]? _best;
    private int _lastImprovement;

    public string Name => "stagnation";
    public int Generations { get; } = generations > 0 ? generations : throw new ArgumentOutOfRangeException(nameof(generations));
    public double Tolerance { get; } = tolerance;

    public bool IsMet(SearchProgress progress)
    {
        if (_best is null)
        {
            _best = [.. progress.BestMinimized];
            _lastImprovement = progress.Generations;
            return false;
        }
        for (int m = 0; m < _best.Length; m++)
        {
            double now = progress.BestMinimized[m];
            bool improved = double.IsInfinity(_best[m]) ? double.IsFinite(now) : now < _best[m] - Tolerance;
            if (improved) { _best[m] = now; _lastImprovement = progress.Generations; }
        }
        return progress.Generations - _lastImprovement >= Generations;
    }
}
