namespace Search.Genomes.KanBasis;

/// <summary>
/// FourierKAN: phi(x) = sum_{k=1..Frequencies} a_k cos(kx) + b_k sin(kx), plus a SiLU base branch; unlike
/// the published FourierKAN, no bias.
/// </summary>
public sealed record FourierBasis(int Frequencies = 5) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.Fourier;
}
