namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// Order-k B-splines on the uniform grid of G intervals over [-1, 1], extended by k knots each side:
/// h = 2/G, t_j = -1 + (j-k) h for j = 0..G+2k; B_i is supported on [t_i, t_{i+k+1}).
/// </summary>
public static class BSplines
{
    /// <summary>The G+2k+1 knots; t_k = -1 and t_{G+k} = 1.</summary>
    public static double[] Knots(int grid, int order)
    {
        Check(grid, order);
        double h = 2.0 / grid;
        var t = new double[grid + 2 * order + 1];
        for (int j = 0; j < t.Length; j++) t[j] = -1.0 + (j - order) * h;
        return t;
    }

    /// <summary>
    /// B_0..B_{G+k-1} at x by Cox-de Boor, without clamping: zero outside the extended grid, and a
    /// partition of unity on [-1, 1] (x = 1 included, since the extended grid goes on past it).
    /// </summary>
    public static double[] Values(double x, int grid, int order)
    {
        var t = Knots(grid, order);
        // Order 0: the indicator of each half-open knot interval.
        var b = new double[t.Length - 1];
        for (int j = 0; j < b.Length; j++) b[j] = t[j] <= x && x < t[j + 1] ? 1.0 : 0.0;
        for (int p = 1; p <= order; p++)
        {
            // In place is safe: B_{j,p} reads B_{j,p-1} and B_{j+1,p-1}, which are not yet overwritten.
            for (int j = 0; j < b.Length - p; j++)
            {
                double left = (x - t[j]) / (t[j + p] - t[j]) * b[j];
                double right = (t[j + p + 1] - x) / (t[j + p + 1] - t[j + 1]) * b[j + 1];
                b[j] = left + right;
            }
        }
        return b[..(grid + order)];
    }

    private static void Check(int grid, int order)
    {
        if (grid < 1) throw new ArgumentOutOfRangeException(nameof(grid), grid, "a B-spline grid needs at least 1 interval");
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), order, "B-spline order must be at least 1");
    }
}
