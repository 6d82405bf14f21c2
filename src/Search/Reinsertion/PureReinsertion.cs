using Search.Core;

namespace Search.Reinsertion;

/// <summary>
/// Generational replacement: the offspring replace the parents entirely (the first <c>size</c> of
/// them). Needs at least as many offspring as places; the genetic strategy checks that up front.
/// </summary>
public sealed class PureReinsertion<TGenome> : IReinsertion<TGenome> where TGenome : IGenome
{
    public string Name => "pure";

    public IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng) =>
        offspring.Count >= size
            ? offspring.Take(size).ToArray()
            : throw new ArgumentException($"pure reinsertion needs at least {size} offspring, got {offspring.Count}", nameof(offspring));
}
