namespace Search.Genomes.KanBasis;

/// <summary>
/// FastKAN Gaussian RBF: b_i(u) = exp(-((u-u_i)/h)^2) on u = LayerNorm(x), with u_i = linspace(-Range,
/// Range, Centers) and h = Width * (centre spacing), plus a SiLU base branch.
/// </summary>
public sealed record RbfBasis(int Centers = 8, double Width = 1, double Range = 2) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.Rbf;
}
