using Search.Selection;

namespace Search.Strategies;

/// <summary>
/// Regularized evolution settings. Defaults follow common use (population 100, tournament 10);
/// AutoML-Zero used 1000 and 10. With CrossoverProbability &gt; 0 (and a family that supports it) a
/// child is the mutated crossover of two tournament winners; otherwise the mutated winner.
/// </summary>
public sealed record AgingOptions(
    int PopulationSize = 100,
    int SampleSize = 10,
    double CrossoverProbability = 0.0,
    Scalarization? Scalarization = null)
{
    public void Validate()
    {
        if (PopulationSize < 1) throw new ArgumentOutOfRangeException(nameof(PopulationSize), PopulationSize, "must be positive");
        if (SampleSize < 1 || SampleSize > PopulationSize)
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, $"must be in [1, {PopulationSize}]");
        if (CrossoverProbability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(CrossoverProbability));
    }
}
