namespace Search.Genomes.KanBasis;

/// <summary>
/// KAT / GR-KAN rational P(x)/Q(x): P = a0 + a1 x + ... + a_p x^p, Q = 1 + |b_1||x| + ... + |b_q||x|^q
/// (never below 1, so no pole), plus a SiLU base branch. (a, b) are shared within <see cref="Groups"/> groups:
/// of the n nodes of a layer that use this basis, the i-th is in group floor(i * Groups / n). Starts as the
/// identity (a1 = 1, every other a and b 0). KAT default (5,4) with 8 groups.
/// </summary>
public sealed record RationalBasis(int Numerator = 5, int Denominator = 4, int Groups = 8) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.Rational;
}
