namespace Search.Genomes.KanBasis.Reference;

/// <summary>The KAT rational unit P(x)/Q(x) and its initial coefficients.</summary>
public static class RationalFunction
{
    /// <summary>P(x)/Q(x), P = a0 + a1 x + ... + aP x^P, Q = 1 + sum_{j=1..Q} |b_j| |x|^j with b = b1..bQ.</summary>
    public static double Value(double x, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0) throw new ArgumentException("the numerator needs at least a0", nameof(a));
        double p = 0.0;
        for (int i = a.Count - 1; i >= 0; i--) p = p * x + a[i];
        // Horner on |x| with |b_j|: every term is non-negative, so Q >= 1 and no pole can appear.
        double ax = Math.Abs(x), q = 0.0;
        for (int j = b.Count - 1; j >= 0; j--) q = (q + Math.Abs(b[j])) * ax;
        return p / (1.0 + q);
    }

    /// <summary>a0..aP initialised to the identity: a1 = 1, the others 0.</summary>
    public static double[] InitialNumerator(RationalBasis basis)
    {
        var a = new double[basis.Numerator + 1];
        if (a.Length > 1) a[1] = 1.0;
        return a;
    }

    /// <summary>b1..bQ initialised to 0 (Q = 1).</summary>
    public static double[] InitialDenominator(RationalBasis basis) => new double[basis.Denominator];
}
