namespace Search.Genomes.KanBasis;

/// <summary>ChebyKAN: phi(x) = sum_{d &lt;= Degree} c_d T_d(tanh x).</summary>
public sealed record ChebyshevBasis(int Degree = 4) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.Chebyshev;
}
