using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The linear map from B-spline coefficients on one grid to the least-squares coefficients on another:
/// M (C', C) with new W = W M^T, fitted in float64 on 10 (G'+k) points spread over [-1, 1].
/// </summary>
public static class BSplineRefit
{
    private const double Ridge = 1e-10;

    public static Tensor Matrix(int oldGrid, int newGrid, int order)
    {
        using var scope = NewDisposeScope();
        var xs = linspace(-1.0, 1.0, 10 * (newGrid + order), dtype: float64).unsqueeze(1);
        var a = new BSplineFeatures(newGrid, order).Compute(xs).squeeze(1); // (S, C')
        var b = new BSplineFeatures(oldGrid, order).Compute(xs).squeeze(1); // (S, C)
        var m = SolveRidge(a, b);
        // The normal equations can be singular or ill-conditioned (the failing lstsq of grid updates): pseudo-inverse then.
        if (m is null || !m.isfinite().all().item<bool>()) m = linalg.pinv(a).matmul(b);
        return m.MoveToOuterDisposeScope();
    }

    private static Tensor? SolveRidge(Tensor a, Tensor b)
    {
        try
        {
            var ata = a.t().matmul(a);
            double lambda = Ridge * Math.Max(ata.trace().item<double>() / ata.shape[0], 1e-300);
            var regularised = ata.add(eye(ata.shape[0], dtype: float64).mul(lambda));
            return linalg.solve(regularised, a.t().matmul(b));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
