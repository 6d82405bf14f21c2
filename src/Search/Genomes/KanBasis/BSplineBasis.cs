namespace Search.Genomes.KanBasis;

/// <summary>
/// pykan / efficient-kan: phi(x) = wb*silu(x) + ws*sum_i c_i B_i(x), order-k B-splines on G intervals
/// (G+k coefficients). The SiLU base branch is always part of this basis.
/// </summary>
public sealed record BSplineBasis(int Grid = 5, int Order = 3) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.BSpline;
}
