namespace Evaluators.Families.KanBasis;

/// <summary>
/// Polynomial coefficients (in the fractional position f in [0, 1] of x inside its grid interval) of the
/// k+1 locally nonzero features of the uniform-grid bases, as a (degree+1) x (k+1) matrix, row = power:
/// local values = [1, f, f^2, ...] @ matrix. Built once per order in float64 and cached.
/// </summary>
public static class LocalPolynomials
{
    private static readonly Dictionary<int, double[,]> BSplines = [];
    private static readonly Dictionary<int, double[,]> ReluKans = [];

    /// <summary>
    /// On a uniform grid every order-k B-spline is a shift of the cardinal one, N_k: in the interval starting
    /// at knot t_{j+k}, B_{j+m}(x) = N_k(f + k - m), m = 0..k. Column m from N_p(t) = (t N_{p-1}(t) + (p+1-t) N_{p-1}(t-1)) / p.
    /// </summary>
    public static double[,] BSpline(int order)
    {
        lock (BSplines)
        {
            if (BSplines.TryGetValue(order, out var cached)) return cached;
            var level = new List<double[]> { new[] { 1.0 } }; // N_0 on [0, 1)
            for (int p = 1; p <= order; p++)
            {
                var next = new List<double[]>();
                for (int m = 0; m <= p; m++)
                {
                    var term = new double[p + 1];
                    if (m >= 1) AddProduct(term, level[m - 1], p - m, 1.0); // (f + p - m) N_{p-1}(f + p - m)
                    if (m < p) AddProduct(term, level[m], m + 1, -1.0); // (m + 1 - f) N_{p-1}(f + p - 1 - m)
                    for (int d = 0; d <= p; d++) term[d] /= p;
                    next.Add(term);
                }
                level = next;
            }
            return BSplines[order] = ToMatrix(level, order);
        }
    }

    /// <summary>
    /// ReLU-KAN bump i on the grid in units of 1/G: [(i+1-v)(v-i+k)]^2 * 16/(k+1)^4 with v = x' G; in the interval
    /// starting at j = floor(v), bumps j..j+k are the nonzero ones: m = i - j gives [(m+1-f)(f+k-m)]^2 * 16/(k+1)^4.
    /// </summary>
    public static double[,] ReluKan(int order)
    {
        lock (ReluKans)
        {
            if (ReluKans.TryGetValue(order, out var cached)) return cached;
            double scale = 16.0 / Math.Pow(order + 1, 4);
            var columns = new List<double[]>();
            for (int m = 0; m <= order; m++)
            {
                var q = new double[3];
                AddProduct(q, [order - m, 1.0], m + 1, -1.0); // (m + 1 - f)(f + k - m)
                var square = new double[5];
                for (int a = 0; a < 3; a++)
                    for (int b = 0; b < 3; b++) square[a + b] += q[a] * q[b] * scale;
                columns.Add(square);
            }
            return ReluKans[order] = ToMatrix(columns, 4);
        }
    }

    /// <summary>target += (c + sign f) * poly, polynomials as coefficients by ascending power.</summary>
    private static void AddProduct(double[] target, double[] poly, double c, double sign)
    {
        for (int d = 0; d < poly.Length; d++)
        {
            if (poly[d] == 0) continue;
            target[d] += c * poly[d];
            target[d + 1] += sign * poly[d];
        }
    }

    private static double[,] ToMatrix(List<double[]> columns, int degree)
    {
        var matrix = new double[degree + 1, columns.Count];
        for (int m = 0; m < columns.Count; m++)
            for (int d = 0; d < columns[m].Length && d <= degree; d++) matrix[d, m] = columns[m][d];
        return matrix;
    }
}
