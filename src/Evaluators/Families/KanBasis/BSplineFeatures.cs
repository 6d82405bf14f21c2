using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Order-k B-splines (Cox-de Boor) on G uniform intervals over [-1, 1], extended by k knots each side:
/// G+k features. x is clamped to [-1, 1] so the branch keeps its boundary value outside the grid.
/// </summary>
public sealed class BSplineFeatures(int grid, int order) : IKanFeatures
{
    public int Grid { get; } = grid;
    public int Order { get; } = order;
    public int Count => Grid + Order;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        double h = 2.0 / Grid;
        // Knots t_j = -1 + (j - k) h, j = 0..G+2k.
        var t = arange(Grid + 2 * Order + 1, dtype: x.dtype, device: x.device).sub(Order).mul(h).sub(1.0);
        var u = x.clamp(-1.0, 1.0).unsqueeze(-1);
        long knots = t.shape[0];
        // Order 0: indicators of [t_j, t_{j+1}); their gradient is zero, the recursion carries the slope.
        var bases = u.ge(t.narrow(0, 0, knots - 1)).logical_and(u.lt(t.narrow(0, 1, knots - 1))).to(x.dtype);
        for (int p = 1; p <= Order; p++)
        {
            long m = knots - 1 - p; // bases at level p
            var left = u.sub(t.narrow(0, 0, m)).mul(bases.narrow(-1, 0, m));
            var right = t.narrow(0, p + 1, m).sub(u).mul(bases.narrow(-1, 1, m));
            bases = left.add(right).div(p * h);
        }
        return bases.MoveToOuterDisposeScope();
    }

    /// <summary>Small random coefficients: the spline branch starts as a perturbation of the base branch.</summary>
    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(0.1 / Math.Sqrt(layerInputs));
}
