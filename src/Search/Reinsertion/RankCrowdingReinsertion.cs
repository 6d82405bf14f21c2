using Search.Core;
using Search.MultiObjective;

namespace Search.Reinsertion;

/// <summary>
/// NSGA-II survival: parents and offspring together are sorted into non-dominated fronts; whole
/// fronts are taken best first, and the front that does not fit is cut by descending crowding
/// distance (ties kept in merged order: parents first).
/// </summary>
public sealed class RankCrowdingReinsertion<TGenome> : IReinsertion<TGenome> where TGenome : IGenome
{
    public string Name => "rank-crowding";

    public IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng) =>
        Truncate(parents.Concat(offspring).ToArray(), size);

    public static IReadOnlyList<Individual<TGenome>> Truncate(IReadOnlyList<Individual<TGenome>> merged, int size)
    {
        var points = merged.Select(p => (IReadOnlyList<double>)p.Minimized).ToArray();
        var next = new List<Individual<TGenome>>(size);
        foreach (var front in NonDominatedSort.Fronts(points))
        {
            if (next.Count + front.Length <= size)
            {
                next.AddRange(front.Select(i => merged[i]));
                if (next.Count == size) break;
                continue;
            }
            var distance = CrowdingDistance.Of(front.Select(i => points[i]).ToArray());
            var byDistance = Enumerable.Range(0, front.Length).OrderByDescending(k => distance[k]);
            next.AddRange(byDistance.Take(size - next.Count).Select(k => merged[front[k]]));
            break;
        }
        return next;
    }
}
