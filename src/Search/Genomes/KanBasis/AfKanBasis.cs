namespace Search.Genomes.KanBasis;

/// <summary>
/// AF-KAN on the ReLU-KAN grid: x' = (clamp(x, -1, 1) + 1)/2, s_i = (i - Order)/Grid, e_i = s_i + (Order+1)/Grid;
/// features comb(act(x' - s_i), act(e_i - x')) for i = 0..Grid+Order-1, divided by their L2 norm (+1e-8),
/// plus a SiLU base branch. The published min-max normalisation and attention reduction are left out:
/// the layer's learned coefficients combine the features. SiLU + quad1 is the robust default.
/// </summary>
public sealed record AfKanBasis(
    AfActivation Activation = AfActivation.Silu,
    AfCombination Combination = AfCombination.Quad1,
    int Grid = 5,
    int Order = 3) : Basis
{
    public override KanBasisKind Kind => KanBasisKind.AfKan;
}
