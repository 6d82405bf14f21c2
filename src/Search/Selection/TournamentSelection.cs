using Search.Core;

namespace Search.Selection;

/// <summary>
/// Each parent is the best of <c>size</c> distinct individuals drawn at random (fewer if the
/// population is smaller); ties go to the one drawn first.
/// </summary>
public sealed class TournamentSelection<TGenome>(int size, Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "tournament";
    public int Size { get; } = size > 0 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "must be positive");

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var chosen = new Individual<TGenome>[count];
        for (int c = 0; c < count; c++)
        {
            Individual<TGenome>? best = null;
            double bestScore = double.PositiveInfinity;
            foreach (int i in Sample.Distinct(population.Count, Math.Min(Size, population.Count), rng))
            {
                double score = _scalarization.Of(population[i]);
                if (best is null || score < bestScore) (best, bestScore) = (population[i], score);
            }
            chosen[c] = best!;
        }
        return chosen;
    }
}
