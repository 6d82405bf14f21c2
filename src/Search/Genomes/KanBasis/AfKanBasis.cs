namespace Search.Genomes.KanBasis;

/// <summary>
/// AF-KAN: features act(x - low), act(high - x) on a ReLU-KAN grid, combined, normalised and reduced
/// by attention. SiLU + quad1 is the robust default.
/// </summary>
public sealed record AfKanBasis(
    AfActivation Activation = AfActivation.Silu,
    AfCombination Combination = AfCombination.Quad1,
    int Grid = 5,
    int Order = 3) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.AfKan;
}
