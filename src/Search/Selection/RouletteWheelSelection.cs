using Search.Core;

namespace Search.Selection;

/// <summary>
/// Fitness-proportionate selection. Minimised scores become weights <c>worst - score</c> plus a
/// small floor (1e-9 of the spread) so the worst feasible individual keeps a tiny chance;
/// infeasible individuals weigh 0 unless nobody is feasible, then all are equally likely.
/// </summary>
public sealed class RouletteWheelSelection<TGenome>(Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "roulette";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var scores = population.Select(_scalarization.Of).ToArray();
        var finite = scores.Where(double.IsFinite).ToArray();
        var weights = new double[scores.Length];
        if (finite.Length == 0) Array.Fill(weights, 1.0);
        else
        {
            double best = finite.Min(), worst = finite.Max();
            double floor = worst > best ? 1e-9 * (worst - best) : 1.0;
            for (int i = 0; i < scores.Length; i++)
                weights[i] = double.IsFinite(scores[i]) ? worst - scores[i] + floor : 0;
        }
        return Wheel.Spin(population, weights, count, rng);
    }
}
