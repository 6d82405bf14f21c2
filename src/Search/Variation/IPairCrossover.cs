using Search.Core;

namespace Search.Variation;

/// <summary>
/// Optional for a genome family whose crossover naturally yields two children (SBX does):
/// generational strategies such as NSGA-II then keep both, as in Deb's reference algorithm,
/// instead of one child per mating pair. Kept out of Core so the family contract stays unchanged.
/// </summary>
public interface IPairCrossover<TGenome> where TGenome : IGenome
{
    /// <summary>Both children of one mating; where crossover is skipped, copies of the parents.</summary>
    (TGenome First, TGenome Second) CrossoverPair(TGenome a, TGenome b, Rng rng);
}
