using Search.Core;
using Search.Variation;

namespace Cluster.Spaces;

/// <summary>A seeded family over one that makes two children per crossover; the pair operator is passed through.</summary>
public sealed class SeededPairFamily(IGenomeFamily<IGenome> inner, IPairCrossover<IGenome> pairs, IReadOnlyList<IGenome> seeds,
    double share, double mutateChance) : SeededFamily(inner, seeds, share, mutateChance), IPairCrossover<IGenome>
{
    public (IGenome First, IGenome Second) CrossoverPair(IGenome a, IGenome b, Rng rng) => pairs.CrossoverPair(a, b, rng);
}
