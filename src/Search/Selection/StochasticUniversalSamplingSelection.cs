using Search.Core;

namespace Search.Selection;

/// <summary>
/// Baker's stochastic universal sampling: the roulette's weights, but one spin with <c>count</c>
/// equally spaced pointers, so each individual is picked within one of its expected number of
/// times. The picks are shuffled, since consecutive ones become mating pairs.
/// </summary>
public sealed class StochasticUniversalSamplingSelection<TGenome>(Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "stochastic-universal-sampling";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var chosen = Wheel.Universal(population, ProportionalWeights.Of(population, _scalarization), count, rng).ToArray();
        rng.Shuffle(chosen);
        return chosen;
    }
}
