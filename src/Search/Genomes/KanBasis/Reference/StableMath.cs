namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// ln(1+x), e^x - 1 and the error function to near double precision; .NET's LogP1 and ExpM1 are the
/// naive forms, which lose small arguments, and it has no erf.
/// </summary>
internal static class StableMath
{
    private const double TwoOverSqrtPi = 1.1283791670955125738961589031215;
    private const double OneOverSqrtPi = 0.56418958354775628694807945156077;

    // Below it erf's series converges fast; above it erfc's continued fraction does, and erfc = 1 - erf
    // would lose relative digits there (kept low so gelu's tail stays accurate to about 1e-14).
    private const double SeriesLimit = 1.5;
    private const int FractionDepth = 200;

    /// <summary>ln(1+x): the rounding of 1+x is divided out again (Goldberg).</summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x - 1: the rounding of e^x is divided out again (Kahan).</summary>
    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return -Erf(-x);
        return x < SeriesLimit ? ErfSeries(x) : 1.0 - ErfcFraction(x);
    }

    /// <summary>1 - erf(x), computed directly for large x where the difference would cancel.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return 2.0 - Erfc(-x);
        return x < SeriesLimit ? 1.0 - ErfSeries(x) : ErfcFraction(x);
    }

    /// <summary>erf x = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1)): all terms positive, no cancellation.</summary>
    private static double ErfSeries(double x)
    {
        double twoX2 = 2.0 * x * x, term = x, sum = x;
        for (int n = 1; term > 1e-17 * sum; n++)
        {
            term *= twoX2 / (2 * n + 1);
            sum += term;
        }
        return TwoOverSqrtPi * Math.Exp(-x * x) * sum;
    }

    /// <summary>erfc x = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail up.</summary>
    private static double ErfcFraction(double x)
    {
        double f = x;
        for (int n = FractionDepth; n >= 1; n--) f = x + n / 2.0 / f;
        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}
