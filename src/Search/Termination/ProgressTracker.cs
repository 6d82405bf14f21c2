using Search.Core;

namespace Search.Termination;

/// <summary>Builds <see cref="SearchProgress"/> from told results: counts them and keeps the best of each objective.</summary>
public sealed class ProgressTracker(int objectives)
{
    private readonly double[] _best = Enumerable.Repeat(double.PositiveInfinity, objectives).ToArray();

    public long Evaluations { get; private set; }

    /// <summary>The best minimised value of each objective so far (+infinity while nothing feasible was told).</summary>
    public IReadOnlyList<double> Best => _best;

    /// <summary>A tracker that continues from saved counts, for strategies restored from their state.</summary>
    public static ProgressTracker Restore(long evaluations, IReadOnlyList<double> best)
    {
        var tracker = new ProgressTracker(best.Count) { Evaluations = evaluations };
        for (int m = 0; m < best.Count; m++) tracker._best[m] = best[m];
        return tracker;
    }

    public void Record<TGenome>(Individual<TGenome> individual) where TGenome : IGenome
    {
        Evaluations++;
        if (!individual.IsFeasible) return;
        for (int m = 0; m < _best.Length; m++) _best[m] = Math.Min(_best[m], individual.Minimized[m]);
    }

    public SearchProgress Snapshot(int generations) => new(Evaluations, generations, [.. _best]);
}
