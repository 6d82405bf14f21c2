using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// The features F[row][node][c] of one basis group in float64, from <see cref="KanReference"/> and the
/// layer's own learnable feature parts: rbf's LayerNorm (over the group's nodes, eps 1e-5; affine only on
/// one node), rational's (a, b) of node j's group floor(j S / n), select's softmax(logits[j]) scales.
/// </summary>
public static class ReferenceFeatures
{
    private const double LayerNormEpsilon = 1e-5;

    /// <param name="x">(rows, width) row-major layer input.</param>
    public static double[][][] Of(ReferenceGroup g, IReadOnlyDictionary<string, double[]> p, double[] x, int rows, int width)
    {
        var xg = new double[rows][];
        for (int r = 0; r < rows; r++) xg[r] = g.Nodes.Select(i => x[r * width + i]).ToArray();
        if (g.Basis is not SelectBasis s) return Plain(g.Basis, $"_{g.Index}", p, xg);

        int k = s.Candidates.Count, n = g.Nodes.Length;
        var logits = p[$"select_logits_{g.Index}"]; // (n, K)
        var parts = s.Candidates.Select((c, ci) => Plain(c, $"_{g.Index}_{ci}", p, xg)).ToArray();
        var f = new double[rows][][];
        for (int r = 0; r < rows; r++)
        {
            f[r] = new double[n][];
            for (int j = 0; j < n; j++)
            {
                var scale = Softmax(logits.AsSpan(j * k, k));
                f[r][j] = parts.SelectMany((part, ci) => part[r][j].Select(v => v * scale[ci])).ToArray();
            }
        }
        return f;
    }

    private static double[][][] Plain(Basis basis, string suffix, IReadOnlyDictionary<string, double[]> p, double[][] xg) => basis switch
    {
        RbfBasis rbf => Map(Normalised(xg, p["ln_weight" + suffix], p["ln_bias" + suffix]), (_, u) => KanReference.Features(rbf, u)),
        RationalBasis rat => Map(xg, (j, v) => [Rational(rat, p["numerator" + suffix], p["denominator" + suffix], j, xg[0].Length, v)]),
        _ => Map(xg, (_, v) => KanReference.Features(basis, v)),
    };

    private static double Rational(RationalBasis b, double[] a, double[] q, int node, int nodes, double x)
    {
        int group = node * b.Groups / nodes;
        return KanReference.Rational(x, a.AsSpan(group * (b.Numerator + 1), b.Numerator + 1).ToArray(),
            q.AsSpan(group * b.Denominator, b.Denominator).ToArray());
    }

    /// <summary>LayerNorm of each row over the group's nodes, then the affine; one node: the affine alone.</summary>
    private static double[][] Normalised(double[][] xg, double[] weight, double[] bias) => xg.Select(row =>
    {
        var u = row;
        if (row.Length > 1)
        {
            double mean = row.Average();
            double variance = row.Select(v => (v - mean) * (v - mean)).Average();
            u = row.Select(v => (v - mean) / Math.Sqrt(variance + LayerNormEpsilon)).ToArray();
        }
        return u.Select((v, j) => v * weight[j] + bias[j]).ToArray();
    }).ToArray();

    private static double[][][] Map(double[][] xg, Func<int, double, double[]> features) =>
        xg.Select(row => row.Select((v, j) => features(j, v)).ToArray()).ToArray();

    private static double[] Softmax(ReadOnlySpan<double> z)
    {
        double max = double.NegativeInfinity;
        foreach (double v in z) max = Math.Max(max, v);
        var e = new double[z.Length];
        for (int i = 0; i < z.Length; i++) e[i] = Math.Exp(z[i] - max);
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
