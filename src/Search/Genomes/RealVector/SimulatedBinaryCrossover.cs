using Search.Core;

namespace Search.Genomes.RealVector;

/// <summary>
/// Bounded simulated binary crossover (Deb and Agrawal 1995, in the bounded form of Deb's NSGA-II
/// code): each variable is crossed with probability 0.5 and its spread follows a polynomial with
/// index eta, truncated so children stay inside the bounds.
/// </summary>
public static class SimulatedBinaryCrossover
{
    private const double Epsilon = 1e-14;

    /// <summary>Both children of one pairing.</summary>
    public static (double[] First, double[] Second) Cross(
        IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        double eta, Rng rng)
    {
        int n = a.Count;
        var c1 = a.ToArray();
        var c2 = b.ToArray();
        for (int i = 0; i < n; i++)
        {
            if (!rng.Chance(0.5) || Math.Abs(a[i] - b[i]) <= Epsilon) continue;
            double y1 = Math.Min(a[i], b[i]), y2 = Math.Max(a[i], b[i]);
            double lo = lower[i], hi = upper[i];
            double u = rng.NextDouble();

            double beta = 1.0 + 2.0 * (y1 - lo) / (y2 - y1);
            double v1 = 0.5 * (y1 + y2 - SpreadFactor(beta, eta, u) * (y2 - y1));
            beta = 1.0 + 2.0 * (hi - y2) / (y2 - y1);
            double v2 = 0.5 * (y1 + y2 + SpreadFactor(beta, eta, u) * (y2 - y1));

            v1 = Math.Clamp(v1, lo, hi);
            v2 = Math.Clamp(v2, lo, hi);
            // The lower child goes to either side at random, as in the reference code.
            if (rng.Chance(0.5)) (c1[i], c2[i]) = (v2, v1);
            else (c1[i], c2[i]) = (v1, v2);
        }
        return (c1, c2);
    }

    /// <summary>betaq for one side, with the probability mass outside the bound cut away.</summary>
    private static double SpreadFactor(double beta, double eta, double u)
    {
        double alpha = 2.0 - Math.Pow(beta, -(eta + 1.0));
        return u <= 1.0 / alpha
            ? Math.Pow(u * alpha, 1.0 / (eta + 1.0))
            : Math.Pow(1.0 / (2.0 - u * alpha), 1.0 / (eta + 1.0));
    }
}
