namespace Search.Genomes.KanBasis;

/// <summary>
/// KAT / GR-KAN rational P/Q: (a0 + ... + a_p x^p) / (1 + |b0||x| + ... + |b_{q-1}||x|^q), coefficients
/// shared within <see cref="Groups"/> channel groups. KAT default (5,4) with 8 groups.
/// </summary>
public sealed record RationalBasis(int Numerator = 5, int Denominator = 4, int Groups = 8) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.Rational;
}
