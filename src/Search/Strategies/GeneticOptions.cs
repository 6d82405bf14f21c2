namespace Search.Strategies;

/// <summary>
/// Generational GA settings. <see cref="OffspringCount"/> children per generation (default: the
/// population size). Each child is Crossover(p1, p2) with <see cref="CrossoverProbability"/> (a
/// copy of p1 otherwise, or always where the family has no crossover), then Mutate with
/// <see cref="MutationProbability"/>. The family's Mutate is already one small edit, so every
/// child is mutated by default (GeneticSharp's 0.1 is meant for per-gene flips).
/// </summary>
public sealed record GeneticOptions(
    int PopulationSize = 100,
    int? OffspringCount = null,
    double CrossoverProbability = 0.75,
    double MutationProbability = 1.0)
{
    public int Offspring => OffspringCount ?? PopulationSize;

    public void Validate()
    {
        if (PopulationSize < 2) throw new ArgumentOutOfRangeException(nameof(PopulationSize), PopulationSize, "must be at least 2");
        if (Offspring < 1) throw new ArgumentOutOfRangeException(nameof(OffspringCount), Offspring, "must be positive");
        if (CrossoverProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(CrossoverProbability));
        if (MutationProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MutationProbability));
    }
}
