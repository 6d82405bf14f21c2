namespace Evaluators.Data.Synthetic;

/// <summary>The Bessel function of the first kind of order zero, for the KAN J0(20x) task.</summary>
public static class Bessel
{
    /// <summary>
    /// Power series up to |x| = 12 (largest term about 4e3, so rounding stays near 1e-12), the
    /// Hankel asymptotic expansion beyond (its smallest term there is about e^(-2x)); both far
    /// below float precision of the targets.
    /// </summary>
    public static double J0(double x)
    {
        x = Math.Abs(x); // J0 is even
        if (double.IsNaN(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return 0;
        return x <= 12 ? Series(x) : Asymptotic(x);
    }

    /// <summary>J0(x) = sum_k (-x^2/4)^k / (k!)^2.</summary>
    private static double Series(double x)
    {
        double q = -x * x / 4, term = 1, sum = 1;
        for (int k = 1; k < 100; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
            if (Math.Abs(term) < 1e-18 && k > x) break; // past the peak and negligible
        }
        return sum;
    }

    /// <summary>
    /// DLMF 10.17.3: J0(x) ~ sqrt(2/(pi x)) (P cos w - Q sin w), w = x - pi/4, with
    /// P = sum_k (-1)^k a_2k / x^2k, Q = sum_k (-1)^k a_(2k+1) / x^(2k+1) and
    /// a_k = a_(k-1) * (-(2k-1)^2) / (8k). Summed until the terms stop shrinking.
    /// </summary>
    private static double Asymptotic(double x)
    {
        double p = 1, q = 0, t = 1;
        for (int k = 1; k < 100; k++)
        {
            double next = t * -((2.0 * k - 1) * (2.0 * k - 1)) / (8.0 * k * x);
            if (Math.Abs(next) >= Math.Abs(t) || next == 0) break;
            t = next;
            double signed = (k / 2) % 2 == 0 ? t : -t;
            if (k % 2 == 0) p += signed; else q += signed;
        }
        double w = x - Math.PI / 4;
        return Math.Sqrt(2 / (Math.PI * x)) * (p * Math.Cos(w) - q * Math.Sin(w));
    }
}
