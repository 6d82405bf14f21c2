namespace Search.Genomes.KanBasis.Reference;

/// <summary>FourierKAN features: cos(kx) for k = 1..K, then sin(kx) for k = 1..K.</summary>
internal static class FourierFeatures
{
    public static double[] Values(double x, int frequencies)
    {
        var f = new double[2 * frequencies];
        for (int k = 1; k <= frequencies; k++)
        {
            f[k - 1] = Math.Cos(k * x);
            f[frequencies + k - 1] = Math.Sin(k * x);
        }
        return f;
    }
}
