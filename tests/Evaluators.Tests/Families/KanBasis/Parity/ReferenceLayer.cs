namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// The layer's output assembled in float64 from its parameters and the reference features:
/// y[o] = sum_i silu(x_i) Wb[o,i] (+ b[o]) + sum_g sum_{j,c} W_g[o,j,c] (s_g[o,j] for bspline) F_g[j][c](x).
/// </summary>
public static class ReferenceLayer
{
    /// <returns>(rows, out) row-major.</returns>
    public static double[] Output(IReadOnlyList<ReferenceGroup> groups, IReadOnlyDictionary<string, double[]> p,
        double[] x, int rows, int width, int outFeatures)
    {
        var y = new double[rows * outFeatures];
        var wb = p["base_weight"];
        p.TryGetValue("base_bias", out var bias);
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < outFeatures; o++)
            {
                double sum = bias?[o] ?? 0.0;
                for (int i = 0; i < width; i++) sum += Silu(x[r * width + i]) * wb[o * width + i];
                y[r * outFeatures + o] = sum;
            }

        foreach (var g in groups)
        {
            var f = ReferenceFeatures.Of(g, p, x, rows, width);
            var w = p[g.WeightName];
            var scaler = g.ScalerName is { } s ? p[s] : null;
            int n = g.Nodes.Length, count = f[0][0].Length;
            for (int r = 0; r < rows; r++)
                for (int o = 0; o < outFeatures; o++)
                {
                    double sum = 0.0;
                    for (int j = 0; j < n; j++)
                    {
                        double edge = 0.0;
                        for (int c = 0; c < count; c++) edge += w[(o * n + j) * count + c] * f[r][j][c];
                        sum += edge * (scaler?[o * n + j] ?? 1.0);
                    }
                    y[r * outFeatures + o] += sum;
                }
        }
        return y;
    }

    private static double Silu(double x) => x / (1.0 + Math.Exp(-x));
}
