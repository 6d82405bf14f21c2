using Search.Core;
using Search.Selection;

namespace Search.Reinsertion;

/// <summary>(mu + lambda): the best <c>size</c> of parents and offspring together; ties favour parents.</summary>
public sealed class FitnessBasedReinsertion<TGenome>(Scalarization? scalarization = null) : IReinsertion<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "fitness-based";

    public IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng) =>
        parents.Concat(offspring).OrderBy(_scalarization.Of).Take(size).ToArray();
}
