using Search.Core;

namespace Search.Selection;

/// <summary>
/// Fitness-proportionate weights for minimised scores: <c>worst - score</c> plus a small floor (1e-9
/// of the spread) so the worst feasible individual keeps a tiny chance; infeasible individuals weigh
/// 0 unless nobody is feasible, then all weigh the same.
/// </summary>
internal static class ProportionalWeights
{
    public static double[] Of<TGenome>(IReadOnlyList<Individual<TGenome>> population, Scalarization scalarization)
        where TGenome : IGenome
    {
        var scores = population.Select(scalarization.Of).ToArray();
        var finite = scores.Where(double.IsFinite).ToArray();
        var weights = new double[scores.Length];
        if (finite.Length == 0)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }
        double best = finite.Min(), worst = finite.Max();
        double floor = worst > best ? 1e-9 * (worst - best) : 1.0;
        for (int i = 0; i < scores.Length; i++)
            weights[i] = double.IsFinite(scores[i]) ? worst - scores[i] + floor : 0;
        return weights;
    }
}
