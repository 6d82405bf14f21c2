using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The ReLU-KAN grid shared by relu_kan and af_kan: x' = (clamp(x, -1, 1) + 1) / 2 in [0, 1], and per
/// feature i = 0..G+k-1 the interval s_i = (i - k)/G, e_i = s_i + (k+1)/G.
/// </summary>
public static class ReluKanGrid
{
    /// <summary>(x' (N, n, 1), s (C), e (C)) in x's dtype and device.</summary>
    public static (Tensor X, Tensor Start, Tensor End) Of(Tensor x, int grid, int order)
    {
        var u = x.clamp(-1.0, 1.0).add(1.0).mul(0.5).unsqueeze(-1);
        var s = arange(grid + order, dtype: x.dtype, device: x.device).sub(order).div(grid);
        var e = s.add((order + 1.0) / grid);
        return (u, s, e);
    }
}
