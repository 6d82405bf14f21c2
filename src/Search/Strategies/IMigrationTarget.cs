using Search.Core;

namespace Search.Strategies;

/// <summary>A strategy that can take in individuals from another island (see <see cref="Islands{TGenome}"/>).</summary>
public interface IMigrationTarget<TGenome> where TGenome : IGenome
{
    /// <summary>Adds already-evaluated migrants to the population, displacing the oldest or the worst.</summary>
    void Immigrate(IReadOnlyList<Individual<TGenome>> migrants, StrategyContext<TGenome> context);
}
