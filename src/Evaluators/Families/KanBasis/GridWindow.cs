using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Features of a uniform-grid basis with local support (B-spline, ReLU-KAN): only k+1 consecutive features
/// are nonzero at any x, and each is a polynomial in x's fractional position inside its grid interval. So the
/// k+1 values come from one small (N, n, degree+1) x (degree+1, k+1) product on f, and one scatter puts them into
/// the C slots: a handful of ops on (N, n) tensors instead of a recursion over (N, n, C) temporaries.
/// </summary>
public static class GridWindow
{
    /// <param name="v">Positions in grid units (N, n); interval j = floor(v) clamped to [0, maxStart], f = v - j.</param>
    /// <param name="polynomials">(degree+1) x (k+1) from <see cref="LocalPolynomials"/>: window value m = sum_d f^d P[d, m].</param>
    /// <param name="count">C; window slots j+m at C or beyond are dropped (a masked zero: costs two passes more).</param>
    public static Tensor Features(Tensor v, int maxStart, double[,] polynomials, int count)
    {
        using var scope = NewDisposeScope();
        int degree = polynomials.GetLength(0) - 1, width = polynomials.GetLength(1);
        var start = v.detach().floor().clamp(0, maxStart).reshape(1, -1);
        var f = v.reshape(1, -1).sub(start);
        // Window values in (k+1, N n) layout: powers stacked along dim 0 are plain copies (stacking along the last
        // dim interleaves element by element, several times slower), and one addmm applies the polynomials.
        var powers = new List<Tensor> { f };
        for (int d = 2; d <= degree; d++) powers.Add(powers[d - 2].mul(f));
        var p = tensor(polynomials, dtype: v.dtype, device: v.device);
        var local = addmm(p.narrow(0, 0, 1).t(), p.narrow(0, 1, degree).t(), cat(powers, 0), 1, 1); // (k+1, N n)
        var index = start.to(ScalarType.Int64).add(arange(width, dtype: ScalarType.Int64, device: v.device).unsqueeze(1));
        if (maxStart + width > count)
        {
            // scatter_add, not scatter: the clamped index of a dropped slot repeats slot C-1, and adds a masked 0 there.
            local = local.mul(index.lt(count));
            index = index.clamp_max(count - 1);
        }
        var features = zeros([v.numel(), count], dtype: v.dtype, device: v.device).scatter_add(1, index.t(), local.t());
        return features.reshape([.. v.shape, count]).MoveToOuterDisposeScope();
    }
}
