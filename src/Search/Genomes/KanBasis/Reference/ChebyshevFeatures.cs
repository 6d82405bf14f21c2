namespace Search.Genomes.KanBasis.Reference;

/// <summary>ChebyKAN features T_0..T_D of tanh x.</summary>
internal static class ChebyshevFeatures
{
    public static double[] Values(double x, int degree)
    {
        // The recurrence, not cos(n acos t): acos has an infinite slope at t = +-1, where tanh saturates.
        double t = Math.Tanh(x);
        var f = new double[degree + 1];
        f[0] = 1.0;
        if (degree >= 1) f[1] = t;
        for (int n = 2; n <= degree; n++) f[n] = 2.0 * t * f[n - 1] - f[n - 2];
        return f;
    }
}
