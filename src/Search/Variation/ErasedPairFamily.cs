using Search.Core;

namespace Search.Variation;

/// <summary>An erased family whose typed family makes two children per crossover (SBX), so NSGA-II keeps both as it would unerased.</summary>
public sealed class ErasedPairFamily<TGenome>(IGenomeFamily<TGenome> inner, IPairCrossover<TGenome> pairs)
    : ErasedFamily<TGenome>(inner), IPairCrossover<IGenome> where TGenome : IGenome
{
    public (IGenome First, IGenome Second) CrossoverPair(IGenome a, IGenome b, Rng rng)
    {
        var (first, second) = pairs.CrossoverPair(Typed(a), Typed(b), rng);
        return (first, second);
    }
}
