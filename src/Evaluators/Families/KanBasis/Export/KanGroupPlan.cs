using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// One basis group of a generated layer class: its basis, its input nodes (null: the layer basis's
/// group, every node no override takes, so the class stays generic in its input width), and the
/// names of its tensors, as <see cref="KanLayerModule"/> names them: coefficients, B-spline scaler and
/// the B-spline per-node grid domain buffers.
/// </summary>
public sealed record KanGroupPlan(int Index, Basis Basis, IReadOnlyList<int>? Nodes)
{
    public string Suffix => $"_{Index}";
    public string WeightName => KanFeatureFactory.WeightName(Basis) + Suffix;
    public string? ScalerName => Basis is BSplineBasis ? "spline_scaler" + Suffix : null;
    public string? LowName => Basis is BSplineBasis ? "grid_low" + Suffix : null;
    public string? HighName => Basis is BSplineBasis ? "grid_high" + Suffix : null;
    public int Features => KanBasisFacts.Features(Basis);
}
