using Search.Core;

namespace Search.Selection;

/// <summary>Picks parents from a population (minimised objectives); may pick one individual several times.</summary>
public interface ISelection<TGenome> where TGenome : IGenome
{
    string Name { get; }

    /// <summary><paramref name="count"/> parents, in the order they are to be used.</summary>
    IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng);
}
