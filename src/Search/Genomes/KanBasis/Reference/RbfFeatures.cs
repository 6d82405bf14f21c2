namespace Search.Genomes.KanBasis.Reference;

/// <summary>FastKAN Gaussians exp(-((u - u_c)/h)^2), u_c = linspace(-r, r, M), h = w * 2r/(M-1).</summary>
internal static class RbfFeatures
{
    public static double[] Values(double u, int centers, double width, double range)
    {
        // The width is in centre spacings, and one centre has no spacing.
        if (centers < 2) throw new ArgumentOutOfRangeException(nameof(centers), centers, "rbf needs at least 2 centres");
        double spacing = 2.0 * range / (centers - 1);
        double h = width * spacing;
        var f = new double[centers];
        for (int c = 0; c < centers; c++)
        {
            // The last centre is set exactly, as linspace does.
            double uc = c == centers - 1 ? range : -range + c * spacing;
            double z = (u - uc) / h;
            f[c] = Math.Exp(-z * z);
        }
        return f;
    }
}
