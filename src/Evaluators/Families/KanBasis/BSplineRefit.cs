using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The linear map from B-spline coefficients on one grid to the least-squares coefficients on another:
/// M (C', C) with new W = W M^T, fitted in float64 on 10 (G'+k) points spread over [-1, 1]
/// (ridge solve with a pseudo-inverse fallback: <see cref="GridRefit"/>).
/// </summary>
public static class BSplineRefit
{
    public static Tensor Matrix(int oldGrid, int newGrid, int order)
    {
        using var scope = NewDisposeScope();
        var xs = linspace(-1.0, 1.0, 10 * (newGrid + order), dtype: float64).unsqueeze(1);
        var a = new BSplineFeatures(newGrid, order).Compute(xs); // (S, 1, C')
        var b = new BSplineFeatures(oldGrid, order).Compute(xs); // (S, 1, C)
        return GridRefit.PerNode(a.permute(1, 0, 2), b.permute(1, 0, 2)).squeeze(0).MoveToOuterDisposeScope();
    }
}
