using Search.Core;

namespace Search.Termination;

/// <summary>Builds <see cref="SearchProgress"/> from told results: counts them and keeps the best of each objective.</summary>
public sealed class ProgressTracker(int objectives)
{
    private readonly double[] _best = Enumerable.Repeat(double.PositiveInfinity, objectives).ToArray();

    public long Evaluations { get; private set; }

    public void Record<TGenome>(Individual<TGenome> individual) where TGenome : IGenome
    {
        Evaluations++;
        if (!individual.IsFeasible) return;
        for (int m = 0; m < _best.Length; m++) _best[m] = Math.Min(_best[m], individual.Minimized[m]);
    }

    public SearchProgress Snapshot(int generations) => new(Evaluations, generations, [.. _best]);
}
