using Search.Core;
using Search.MultiObjective;

namespace Search.Selection;

/// <summary>
/// NSGA-II's binary tournament as Deb runs it: contestants are taken in pairs from shuffled
/// permutations of the population (so every individual enters the same number of tournaments, up
/// to one), and the one that wins the crowded comparison (lower non-domination rank, then larger
/// crowding distance) is the parent; an exact tie goes to the first. Ranks and distances are
/// computed once per call.
/// </summary>
public sealed class CrowdedTournamentSelection<TGenome> : ISelection<TGenome> where TGenome : IGenome
{
    public string Name => "crowded-tournament";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var points = population.Select(p => (IReadOnlyList<double>)p.Minimized).ToArray();
        var fronts = NonDominatedSort.Fronts(points);
        var rank = new int[points.Length];
        for (int r = 0; r < fronts.Count; r++) foreach (int i in fronts[r]) rank[i] = r;
        var distance = CrowdingDistance.PerFront(points, fronts);

        var chosen = new Individual<TGenome>[count];
        if (population.Count == 1) { Array.Fill(chosen, population[0]); return chosen; }
        var order = new List<int>(2 * count + population.Count);
        while (order.Count < 2 * count)
        {
            var permutation = Enumerable.Range(0, population.Count).ToArray();
            rng.Shuffle(permutation);
            // A pair straddling two permutations could hold one individual twice: skip such a repeat.
            foreach (int i in permutation)
                if (order.Count % 2 == 0 || order[^1] != i) order.Add(i);
        }
        for (int c = 0; c < count; c++)
        {
            int a = order[2 * c], b = order[2 * c + 1];
            chosen[c] = population[CrowdedComparison.Compare(rank[a], distance[a], rank[b], distance[b]) <= 0 ? a : b];
        }
        return chosen;
    }
}
