using Search.Core;

namespace Search.Reinsertion;

/// <summary>Forms the next population from the parents and their evaluated offspring.</summary>
public interface IReinsertion<TGenome> where TGenome : IGenome
{
    string Name { get; }

    /// <summary><paramref name="size"/> survivors; <paramref name="rng"/> is the search's one generator (only uniform draws from it).</summary>
    IReadOnlyList<Individual<TGenome>> Reinsert(
        IReadOnlyList<Individual<TGenome>> parents, IReadOnlyList<Individual<TGenome>> offspring, int size, Rng rng);
}
