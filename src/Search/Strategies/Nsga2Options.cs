namespace Search.Strategies;

/// <summary>
/// NSGA-II settings. Children are Mutate(Crossover(p1, p2)) with the family's operators (both
/// children of a pair where the family offers pair crossover), parents by binary crowded
/// tournament; the probabilities here gate whether the operator is applied at all (the family's
/// own rates, e.g. SBX per-variable and PM 1/n, apply inside).
/// </summary>
public sealed record Nsga2Options(int PopulationSize = 100, double CrossoverProbability = 1.0, double MutationProbability = 1.0)
{
    public void Validate()
    {
        if (PopulationSize < 2) throw new ArgumentOutOfRangeException(nameof(PopulationSize), PopulationSize, "must be at least 2");
        if (CrossoverProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(CrossoverProbability));
        if (MutationProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MutationProbability));
    }
}
