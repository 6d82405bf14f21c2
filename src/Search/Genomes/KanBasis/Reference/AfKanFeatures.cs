namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// AF-KAN features comb(act(x' - s_i), act(e_i - x')) on the ReLU-KAN grid, divided by their L2 norm
/// (+1e-8 so that all-zero features stay zero instead of becoming NaN).
/// </summary>
internal static class AfKanFeatures
{
    public const double NormEpsilon = 1e-8;

    public static double[] Values(double x, AfActivation act, AfCombination comb, int grid, int order)
    {
        double u = GridDomain.ToUnit(x);
        var f = new double[grid + order];
        double squares = 0.0;
        for (int i = 0; i < f.Length; i++)
        {
            var (s, e) = ReluKanFeatures.Support(i, grid, order);
            double x1 = AfActivationFunctions.Apply(act, u - s);
            double x2 = AfActivationFunctions.Apply(act, e - u);
            f[i] = AfCombinationFunctions.Apply(comb, x1, x2);
            squares += f[i] * f[i];
        }
        double norm = Math.Sqrt(squares) + NormEpsilon;
        for (int i = 0; i < f.Length; i++) f[i] /= norm;
        return f;
    }
}
