using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Families.KanBasis.Parity;

/// <summary>
/// A basis group as the evaluator README defines it, derived here independently of the module: the input
/// nodes sharing a basis, groups in order of their first node, group g's tensors suffixed _g (select
/// candidate c: _g_c), W named after the basis kind, a spline_scaler_g for bspline groups.
/// </summary>
public sealed record ReferenceGroup(int Index, Basis Basis, int[] Nodes)
{
    public string WeightName => $"{WeightStem(Basis)}_{Index}";

    public string? ScalerName => Basis is BSplineBasis ? $"spline_scaler_{Index}" : null;

    public static IReadOnlyList<ReferenceGroup> Of(KanLayer layer, int inFeatures) =>
        Enumerable.Range(0, inFeatures)
            .GroupBy(i => layer.BasisOf(i).Text)
            .Select((nodes, g) => new ReferenceGroup(g, layer.BasisOf(nodes.First()), nodes.ToArray()))
            .ToList();

    /// <summary>Every parameter name the layer must have: base branch (with a bias when rbf is used), W, scaler, and learnable feature parts.</summary>
    public static SortedSet<string> ParameterNames(IReadOnlyList<ReferenceGroup> groups)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "base_weight" };
        if (groups.Any(g => g.Basis is RbfBasis || (g.Basis is SelectBasis s && s.Candidates.Any(c => c is RbfBasis))))
            names.Add("base_bias");
        foreach (var g in groups)
        {
            names.Add(g.WeightName);
            if (g.ScalerName is { } scaler) names.Add(scaler);
            if (g.Basis is SelectBasis s)
            {
                names.Add($"select_logits_{g.Index}");
                for (int c = 0; c < s.Candidates.Count; c++) AddFeatureParts(names, s.Candidates[c], $"_{g.Index}_{c}");
            }
            else AddFeatureParts(names, g.Basis, $"_{g.Index}");
        }
        return names;
    }

    private static void AddFeatureParts(SortedSet<string> names, Basis basis, string suffix)
    {
        if (basis is RbfBasis) { names.Add("ln_weight" + suffix); names.Add("ln_bias" + suffix); }
        if (basis is RationalBasis) { names.Add("numerator" + suffix); names.Add("denominator" + suffix); }
    }

    private static string WeightStem(Basis basis) => basis.Kind switch
    {
        KanBasisKind.BSpline => "spline_weight",
        KanBasisKind.ReluKan => "relu_kan_weight",
        KanBasisKind.AfKan => "af_kan_weight",
        _ => $"{basis.Kind.ToString().ToLowerInvariant()}_weight",
    };
}
