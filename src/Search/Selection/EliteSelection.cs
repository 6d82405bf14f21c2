using Search.Core;

namespace Search.Selection;

/// <summary>
/// Deterministic: the best <c>count</c> individuals, best first (as GeneticSharp's EliteSelection);
/// when more are asked for than exist, the ranking repeats from the top.
/// </summary>
public sealed class EliteSelection<TGenome>(Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "elite";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var order = Ranking.BestFirst(population, _scalarization);
        return Enumerable.Range(0, count).Select(c => population[order[c % order.Length]]).ToArray();
    }
}
