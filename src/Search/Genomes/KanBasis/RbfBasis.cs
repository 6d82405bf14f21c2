namespace Search.Genomes.KanBasis;

/// <summary>
/// FastKAN Gaussian RBF: b_i(u) = exp(-((u-u_i)/h)^2) on u = LayerNorm(x), with u_i = linspace(-Range,
/// Range, Centers) and h = Width * (centre spacing), plus a SiLU base branch with a bias.
/// <see cref="Centers"/> must be at least <see cref="MinCenters"/> (checked by <see cref="KanSpace"/> and <see cref="KanSpaceCheck"/>).
/// </summary>
public sealed record RbfBasis(int Centers = 8, double Width = 1, double Range = 2) : Basis
{
    /// <summary>The fewest centres: the width is measured in centre spacings, and one centre has none.</summary>
    public const int MinCenters = 2;

    /// <summary>Why, for error messages.</summary>
    public const string CentersRule = "the rbf width is measured in centre spacings, and one centre has none";

    public override KanBasisKind Kind => KanBasisKind.Rbf;
}
