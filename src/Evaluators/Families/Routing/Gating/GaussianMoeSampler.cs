namespace Evaluators.Families.Routing.Gating;

/// <summary>
/// Draws (x, y) from a known gated Gaussian mixture of experts, in float64 and seeded (System.Random with a
/// seed is the same sequence on every platform): x uniform in [low, high]^d, an expert i ~ pi(x), then
/// y ~ N(a_i . x + b_i, nu_i) (Box-Muller). X is row-major (n, d).
/// </summary>
public static class GaussianMoeSampler
{
    public static (double[] X, double[] Y) Sample(GaussianMoeParameters truth, int n, int seed, double low = -1, double high = 1)
    {
        ArgumentNullException.ThrowIfNull(truth);
        truth.Validated();
        if (n < 1) throw new ArgumentException($"n = {n}: expected at least one sample");
        int d = truth.D;
        var random = new Random(seed);
        var x = new double[n * d];
        var y = new double[n];
        for (int s = 0; s < n; s++)
        {
            var row = x.AsSpan(s * d, d);
            for (int t = 0; t < d; t++) row[t] = low + (high - low) * random.NextDouble();
            var p = truth.Gate(row);
            double u = random.NextDouble(), cumulative = 0;
            int i = 0;
            for (; i < p.Length - 1; i++)
            {
                cumulative += p[i];
                if (u < cumulative) break;
            }
            y[s] = truth.ExpertMean(i, row) + Math.Sqrt(truth.Nu[i]) * Normal(random);
        }
        return (x, y);
    }

    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // in (0, 1]: log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
