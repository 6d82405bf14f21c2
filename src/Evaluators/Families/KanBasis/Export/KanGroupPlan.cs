using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// One basis group of a generated layer class: its basis, its input nodes (null: the layer basis's
/// group, every node no override takes, so the class stays generic in its input width), and the
/// names of its coefficient tensors, as <see cref="KanLayerModule"/> names them.
/// </summary>
public sealed record KanGroupPlan(int Index, Basis Basis, IReadOnlyList<int>? Nodes)
{
    public string Suffix => $"_{Index}";
    public string WeightName => KanFeatureFactory.WeightName(Basis) + Suffix;
    public string? ScalerName => Basis is BSplineBasis ? "spline_scaler" + Suffix : null;
    public int Features => KanBasisFacts.Features(Basis);
}
