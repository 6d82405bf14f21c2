using Search.Core;

namespace Search.Selection;

/// <summary>Fitness-proportionate selection, one independent spin per parent (weights: <see cref="ProportionalWeights"/>).</summary>
public sealed class RouletteWheelSelection<TGenome>(Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "roulette";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        return Wheel.Spin(population, ProportionalWeights.Of(population, _scalarization), count, rng);
    }
}
