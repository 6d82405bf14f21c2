using Search.Core;
using Search.Variation;

namespace Cluster.Spaces;

/// <summary>
/// A family whose random members come from given seed genomes (e.g. "start from BN-ReLU"):
/// strategies draw their initial population with <see cref="Random"/>, so a seeded start needs no
/// change to any strategy. A draw takes a seed with probability <see cref="Share"/> (else the
/// inner family's random genome), and mutates that seed once with probability <see cref="MutateChance"/>.
/// Stateless: a draw depends only on the generator, so saved runs resume exactly. Use
/// <see cref="Create"/>: it keeps pair crossover where the inner family has it.
/// </summary>
public class SeededFamily : IGenomeFamily<IGenome>
{
    public static SeededFamily Create(IGenomeFamily<IGenome> inner, IReadOnlyList<IGenome> seeds, double share = 1.0, double mutateChance = 0.0) =>
        inner is IPairCrossover<IGenome> pairs
            ? new SeededPairFamily(inner, pairs, seeds, share, mutateChance)
            : new SeededFamily(inner, seeds, share, mutateChance);

    public SeededFamily(IGenomeFamily<IGenome> inner, IReadOnlyList<IGenome> seeds, double share = 1.0, double mutateChance = 0.0)
    {
        if (seeds.Count == 0) throw new ArgumentException("a seeded start needs at least one seed", nameof(seeds));
        if (share is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "must be in [0, 1]");
        if (mutateChance is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(mutateChance), mutateChance, "must be in [0, 1]");
        (Inner, Seeds, Share, MutateChance) = (inner, seeds, share, mutateChance);
    }

    public IGenomeFamily<IGenome> Inner { get; }
    public IReadOnlyList<IGenome> Seeds { get; }
    public double Share { get; }
    public double MutateChance { get; }

    public string Name => Inner.Name;
    public bool SupportsCrossover => Inner.SupportsCrossover;

    public IGenome Parse(string text) => Inner.Parse(text);

    public IGenome Random(Rng rng)
    {
        if (!rng.Chance(Share)) return Inner.Random(rng);
        var seed = rng.Pick(Seeds);
        return rng.Chance(MutateChance) ? Inner.Mutate(seed, rng) : seed;
    }

    public IGenome Mutate(IGenome parent, Rng rng) => Inner.Mutate(parent, rng);
    public IGenome Crossover(IGenome a, IGenome b, Rng rng) => Inner.Crossover(a, b, rng);
}
