using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Order-k B-splines on G uniform intervals over [-1, 1], extended by k knots each side: G+k features, the
/// k+1 nonzero ones in closed form (shifted cardinal B-splines, <see cref="GridWindow"/>): the values of the
/// Cox-de Boor recursion with a few ops on (N, n) tensors. x is clamped to [-1, 1] so the branch keeps its
/// boundary value outside the grid.
/// </summary>
public sealed class BSplineFeatures(int grid, int order) : IKanFeatures
{
    public int Grid { get; } = grid;
    public int Order { get; } = order;
    public int Count => Grid + Order;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        // v = (x - t_k) / h in [0, G]. At x = 1 Cox-de Boor takes the interval right of 1 (start G); the window
        // starting at G-1 (f = 1) gives the same values, and for k >= 2 the same slope (the splines are C1 there).
        // Hat functions (k = 1) have a kink at 1: start G then, keeping Cox-de Boor's one-sided slope.
        var v = x.clamp(-1.0, 1.0).add(1.0).mul(Grid / 2.0);
        int maxStart = Order == 1 ? Grid : Grid - 1;
        return GridWindow.Features(v, maxStart, LocalPolynomials.BSpline(Order), Count).MoveToOuterDisposeScope();
    }

    /// <summary>Small random coefficients: the spline branch starts as a perturbation of the base branch.</summary>
    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(0.1 / Math.Sqrt(layerInputs));
}
