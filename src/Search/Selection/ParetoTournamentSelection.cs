using Search.Core;
using Search.MultiObjective;

namespace Search.Selection;

/// <summary>
/// The EvoNorm multi-objective tournament: draw <c>size</c> distinct individuals, compute the
/// Pareto front of the sample (each objective is one task), and pick the winner uniformly from it.
/// Infeasible individuals (infinite objectives) are dominated by every feasible one.
/// </summary>
public sealed class ParetoTournamentSelection<TGenome>(int size) : ISelection<TGenome> where TGenome : IGenome
{
    public string Name => "pareto-tournament";
    public int Size { get; } = size > 0 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "must be positive");

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var chosen = new Individual<TGenome>[count];
        for (int c = 0; c < count; c++)
        {
            var sample = Sample.Distinct(population.Count, Math.Min(Size, population.Count), rng)
                .Select(i => population[i]).ToArray();
            var front = ParetoFront.Indices(sample.Select(s => (IReadOnlyList<double>)s.Minimized).ToArray());
            chosen[c] = sample[front[rng.NextInt(front.Length)]];
        }
        return chosen;
    }
}
