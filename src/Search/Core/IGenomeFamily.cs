namespace Search.Core;

/// <summary>
/// Everything the engine needs to know about one genome kind: its text form, how to make random
/// members, and the variation operators. Operators are pure: they take the generator and always
/// return valid, canonical genomes.
/// </summary>
public interface IGenomeFamily<TGenome> where TGenome : IGenome
{
    /// <summary>Family name as used in search-space files (activation, norm-act, kan-basis, routing, real-vector).</summary>
    string Name { get; }

    /// <summary>Parses and canonicalises; throws <see cref="GenomeParseException"/> naming the position and what was expected.</summary>
    TGenome Parse(string text);

    TGenome Random(Rng rng);

    TGenome Mutate(TGenome parent, Rng rng);

    /// <summary>False where crossover means nothing for this family; <see cref="Crossover"/> then returns a copy of <paramref name="a"/>.</summary>
    bool SupportsCrossover { get; }

    TGenome Crossover(TGenome a, TGenome b, Rng rng);
}
