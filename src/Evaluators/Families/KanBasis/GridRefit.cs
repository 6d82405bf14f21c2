using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Least-squares maps between two feature sets sampled at the same points: M with F_new M = F_old
/// as nearly as possible, so coefficients W on the old features become M W on the new ones. A ridge
/// term (relative to the mean diagonal) keeps the normal equations solvable when some new feature
/// has no sample in its support; a pseudo-inverse takes over when the solve still fails.
/// </summary>
public static class GridRefit
{
    private const double Ridge = 1e-10;

    /// <summary>Per-node maps: fresh and old are (n, S, C') and (n, S, C); returns (n, C', C), in float64.</summary>
    public static Tensor PerNode(Tensor fresh, Tensor old)
    {
        using var scope = NewDisposeScope();
        var a = fresh.to(float64);
        var b = old.to(float64);
        var at = a.transpose(1, 2);
        var ata = at.matmul(a);
        long c = ata.shape[1];
        Tensor? m = null;
        try
        {
            var scale = ata.diagonal(dim1: 1, dim2: 2).mean([1], keepdim: true).clamp_min(1e-300).unsqueeze(-1); // (n, 1, 1)
            m = linalg.solve(ata.add(eye(c, dtype: float64, device: a.device).mul(scale).mul(Ridge)), at.matmul(b));
        }
        catch (Exception)
        {
            m = null; // a singular system: fall through to the pseudo-inverse
        }
        if (m is null || !m.isfinite().all().item<bool>()) m = linalg.pinv(a).matmul(b);
        return m.MoveToOuterDisposeScope();
    }
}
