using Search.Core;

namespace Search.Selection;

/// <summary>Shared ordering: population indices best first by a scalarisation, ties kept in population order.</summary>
internal static class Ranking
{
    public static int[] BestFirst<TGenome>(IReadOnlyList<Individual<TGenome>> population, Scalarization scalarization)
        where TGenome : IGenome =>
        Enumerable.Range(0, population.Count).OrderBy(i => scalarization.Of(population[i])).ToArray();

    public static void RequireNonEmpty<TGenome>(IReadOnlyList<Individual<TGenome>> population) where TGenome : IGenome
    {
        if (population.Count == 0) throw new InvalidOperationException("cannot select from an empty population");
    }
}
