using Search.Core;

namespace Search.Genomes.RealVector;

/// <summary>
/// Bounded polynomial mutation (Deb and Goyal 1996, in the form of Deb's NSGA-II code): each
/// variable mutates with the given probability; the perturbation follows a polynomial with index
/// eta, scaled by the distance to the nearer bound so it never leaves the box.
/// </summary>
public static class PolynomialMutation
{
    public static double[] Mutate(
        IReadOnlyList<double> x, IReadOnlyList<double> lower, IReadOnlyList<double> upper,
        double probability, double eta, Rng rng)
    {
        var y = x.ToArray();
        double power = 1.0 / (eta + 1.0);
        for (int i = 0; i < y.Length; i++)
        {
            if (!rng.Chance(probability)) continue;
            double lo = lower[i], hi = upper[i], range = hi - lo;
            if (range <= 0) continue;
            double delta1 = (y[i] - lo) / range, delta2 = (hi - y[i]) / range;
            double u = rng.NextDouble();
            double deltaq;
            if (u < 0.5)
            {
                double val = 2.0 * u + (1.0 - 2.0 * u) * Math.Pow(1.0 - delta1, eta + 1.0);
                deltaq = Math.Pow(val, power) - 1.0;
            }
            else
            {
                double val = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * Math.Pow(1.0 - delta2, eta + 1.0);
                deltaq = 1.0 - Math.Pow(val, power);
            }
            y[i] = Math.Clamp(y[i] + deltaq * range, lo, hi);
        }
        return y;
    }
}
