using Search.Core;
using Search.MultiObjective;

namespace Search.Selection;

/// <summary>
/// NSGA-II's binary tournament: two distinct individuals drawn at random, the one that wins the
/// crowded comparison (lower non-domination rank, then larger crowding distance) is the parent;
/// an exact tie goes to the first drawn. Ranks and distances are computed once per call.
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
        for (int c = 0; c < count; c++)
        {
            if (population.Count == 1) { chosen[c] = population[0]; continue; }
            var pair = Sample.Distinct(population.Count, 2, rng);
            int a = pair[0], b = pair[1];
            chosen[c] = population[CrowdedComparison.Compare(rank[a], distance[a], rank[b], distance[b]) <= 0 ? a : b];
        }
        return chosen;
    }
}
