using Search.Core;
using Search.Selection;

namespace Search.Reinsertion;

/// <summary>
/// The best <c>eliteCount</c> parents survive; the rest of the places go to the best offspring.
/// When offspring are too few, the next-best parents fill the gap.
/// </summary>
public sealed class ElitistReinsertion<TGenome>(int eliteCount, Scalarization? scalarization = null) : IReinsertion<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "elitist";
    public int EliteCount { get; } = eliteCount >= 0 ? eliteCount : throw new ArgumentOutOfRangeException(nameof(eliteCount));

    public IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng)
    {
        var bestParents = parents.OrderBy(_scalarization.Of).ToList();
        int elites = Math.Min(EliteCount, Math.Min(size, bestParents.Count));
        var next = bestParents.Take(elites).ToList();
        next.AddRange(offspring.OrderBy(_scalarization.Of).Take(size - next.Count));
        next.AddRange(bestParents.Skip(elites).Take(size - next.Count));
        return next;
    }
}
