using Search.Core;
using Search.Selection;

namespace Search.Reinsertion;

/// <summary>
/// Only offspring survive, drawn uniformly regardless of fitness: <c>size</c> distinct ones when
/// there are enough, else all of them plus uniformly drawn repeats to fill the places.
/// </summary>
public sealed class UniformReinsertion<TGenome> : IReinsertion<TGenome> where TGenome : IGenome
{
    public string Name => "uniform";

    public IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng)
    {
        if (offspring.Count == 0) throw new ArgumentException("uniform reinsertion needs offspring", nameof(offspring));
        if (offspring.Count >= size) return Sample.Distinct(offspring.Count, size, rng).Select(i => offspring[i]).ToArray();
        var next = offspring.ToList();
        while (next.Count < size) next.Add(offspring[rng.NextInt(offspring.Count)]);
        return next;
    }
}
