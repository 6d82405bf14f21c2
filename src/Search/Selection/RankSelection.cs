using Search.Core;

namespace Search.Selection;

/// <summary>
/// Linear ranking: sorted best first, the individual at rank r (0-based) of n feasible ones weighs
/// n - r, so selection pressure does not depend on the scale of the objective. Infeasible
/// individuals weigh 0 unless nobody is feasible.
/// </summary>
public sealed class RankSelection<TGenome>(Scalarization? scalarization = null) : ISelection<TGenome>
    where TGenome : IGenome
{
    private readonly Scalarization _scalarization = scalarization ?? Scalarization.FirstObjective;

    public string Name => "rank";

    public IReadOnlyList<Individual<TGenome>> Select(IReadOnlyList<Individual<TGenome>> population, int count, Rng rng)
    {
        Ranking.RequireNonEmpty(population);
        var order = Ranking.BestFirst(population, _scalarization);
        int feasible = order.Count(i => double.IsFinite(_scalarization.Of(population[i])));
        var weights = new double[order.Length];
        for (int r = 0; r < order.Length; r++)
            weights[r] = feasible == 0 ? 1.0 : r < feasible ? feasible - r : 0;
        return Wheel.Spin(order.Select(i => population[i]).ToArray(), weights, count, rng);
    }
}
