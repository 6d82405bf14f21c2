using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// The layer's former B-spline features: Cox-de Boor over (N, n, knots) tensors on x clamped to [-1, 1].
/// Kept as the autograd reference for the closed form (values and slopes).
/// </summary>
public static class CoxDeBoor
{
    public static Tensor Features(Tensor x, int grid, int order)
    {
        using var scope = NewDisposeScope();
        double h = 2.0 / grid;
        var t = arange(grid + 2 * order + 1, dtype: x.dtype, device: x.device).sub(order).mul(h).sub(1.0);
        var u = x.clamp(-1.0, 1.0).unsqueeze(-1);
        long knots = t.shape[0];
        var bases = u.ge(t.narrow(0, 0, knots - 1)).logical_and(u.lt(t.narrow(0, 1, knots - 1))).to(x.dtype);
        for (int p = 1; p <= order; p++)
        {
            long m = knots - 1 - p;
            var left = u.sub(t.narrow(0, 0, m)).mul(bases.narrow(-1, 0, m));
            var right = t.narrow(0, p + 1, m).sub(u).mul(bases.narrow(-1, 1, m));
            bases = left.add(right).div(p * h);
        }
        return bases.MoveToOuterDisposeScope();
    }
}
