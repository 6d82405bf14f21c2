using Search.Core;

namespace Search.Selection;

/// <summary>
/// Turns minimised objectives into one number for single-objective selection: the first objective,
/// or a weighted sum. Infeasible candidates (any infinite objective) score +infinity, so they never
/// beat a feasible one.
/// </summary>
public sealed class Scalarization
{
    private readonly double[]? _weights;

    private Scalarization(double[]? weights) => _weights = weights;

    public static Scalarization FirstObjective { get; } = new(null);

    public static Scalarization WeightedSum(params double[] weights) =>
        weights.Length == 0 ? throw new ArgumentException("weights are empty", nameof(weights)) : new([.. weights]);

    public IReadOnlyList<double>? Weights => _weights;

    public double Of(IReadOnlyList<double> minimized)
    {
        foreach (double v in minimized)
            if (!double.IsFinite(v)) return double.PositiveInfinity;
        if (_weights is null) return minimized[0];
        if (_weights.Length != minimized.Count)
            throw new ArgumentException($"{_weights.Length} weights for {minimized.Count} objectives");
        double sum = 0;
        for (int i = 0; i < _weights.Length; i++) sum += _weights[i] * minimized[i];
        return sum;
    }

    public double Of<TGenome>(Individual<TGenome> individual) where TGenome : IGenome =>
        individual.IsFeasible ? Of(individual.Minimized) : double.PositiveInfinity;
}
