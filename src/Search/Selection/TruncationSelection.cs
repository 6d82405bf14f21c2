using Search.Core;

namespace Search.Selection;

/// <summary>
/// Truncation selection: parents are drawn uniformly from the best <c>fraction</c> of the
/// population (at least one individual).
/// </summary>
public sealed class TruncationSelection<TGenome>(double fraction = 0.5, Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "truncation";
    public double Fraction { get; } = fraction is > 0 and <= 1 ? fraction : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in (0, 1]");

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var order = Ranking.BestFirst(population, _scalarization);
        int keep = Math.Max(1, (int)Math.Floor(Fraction * population.Count));
        var chosen = new Individual<TGenome>[count];
        for (int c = 0; c < count; c++) chosen[c] = population[order[rng.NextInt(keep)]];
        return chosen;
    }
}
