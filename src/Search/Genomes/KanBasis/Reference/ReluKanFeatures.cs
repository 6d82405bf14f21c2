namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// ReLU-KAN features [relu(e_i - x) relu(x - s_i)]^2 * 16/(e_i - s_i)^4, i = 0..G+k-1, with
/// s_i = (i-k)/G and e_i = s_i + (k+1)/G, on x clamped to [-1, 1] and mapped to [0, 1].
/// </summary>
internal static class ReluKanFeatures
{
    public static double[] Values(double x, int grid, int order)
    {
        double u = GridDomain.ToUnit(x);
        var f = new double[grid + order];
        for (int i = 0; i < f.Length; i++)
        {
            var (s, e) = Support(i, grid, order);
            double r = Math.Max(e - u, 0.0) * Math.Max(u - s, 0.0);
            double w = e - s;
            // The scale makes the peak, at the middle of the support, exactly 1.
            f[i] = r * r * 16.0 / (w * w * w * w);
        }
        return f;
    }

    /// <summary>The support [s_i, e_i] of feature i; AF-KAN uses the same grid.</summary>
    public static (double Start, double End) Support(int i, int grid, int order)
    {
        double s = (double)(i - order) / grid;
        return (s, s + (double)(order + 1) / grid);
    }
}
