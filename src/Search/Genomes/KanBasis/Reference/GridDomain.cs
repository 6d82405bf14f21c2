namespace Search.Genomes.KanBasis.Reference;

/// <summary>
/// The grid domain [-1, 1] of the B-spline, ReLU-KAN and AF-KAN features. Inputs are clamped to it so a
/// basis branch continues at its boundary value instead of dropping to zero outside the grid.
/// </summary>
internal static class GridDomain
{
    public static double Clamp(double x) => Math.Clamp(x, -1.0, 1.0);

    /// <summary>The clamped x mapped from [-1, 1] to [0, 1], where the ReLU-KAN grid lives.</summary>
    public static double ToUnit(double x) => (Clamp(x) + 1.0) / 2.0;
}
