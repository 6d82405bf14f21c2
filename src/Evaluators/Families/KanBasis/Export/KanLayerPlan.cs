using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// What a generated KAN layer class holds, generic in (in, out): its basis groups in the order
/// <see cref="KanLayerModule"/> makes them (by first node) and its parameters in the order it
/// registers them: base_weight, base_bias (when a group uses RBF), then per group the features'
/// own tensors (RBF LayerNorm, rational coefficients, select candidates then select logits), W,
/// and the B-spline scaler; then its buffers: per B-spline group the nodes' grid domains, grid_low and
/// grid_high. Valid for input widths of at least <see cref="MinInputs"/>.
/// </summary>
public sealed class KanLayerPlan
{
    private KanLayerPlan(KanLayer layer, IReadOnlyList<KanGroupPlan> groups, int minInputs)
    {
        Layer = layer;
        Groups = groups;
        MinInputs = minInputs;
        HasBias = groups.Any(g => KanFeatureFactory.UsesRbf(g.Basis));
        var parameters = new List<KanParameterPlan> { new("base_weight", [KanDim.Out, KanDim.In], KanInitKind.Uniform, null) };
        if (HasBias) parameters.Add(new("base_bias", [KanDim.Out], KanInitKind.Uniform, null));
        foreach (var g in groups)
        {
            parameters.AddRange(FeatureParameters(g, g.Basis, g.Suffix));
            parameters.Add(new(g.WeightName, [KanDim.Out, KanDim.Nodes, KanDim.Of(g.Features)], KanInitKind.Weight, g, KanBasisFacts.WeightPieces(g.Basis)));
            if (g.ScalerName is { } scaler) parameters.Add(new(scaler, [KanDim.Out, KanDim.Nodes], KanInitKind.Uniform, g));
        }
        Parameters = parameters;
        Buffers = groups.Where(g => g.LowName is not null).SelectMany(g => new KanParameterPlan[]
        {
            new(g.LowName!, [KanDim.Nodes], KanInitKind.MinusOnes, g),
            new(g.HighName!, [KanDim.Nodes], KanInitKind.Ones, g),
        }).ToArray();
    }

    public KanLayer Layer { get; }
    public IReadOnlyList<KanGroupPlan> Groups { get; }
    public IReadOnlyList<KanParameterPlan> Parameters { get; }

    /// <summary>The buffers, in registration order (state_dict lists them after the parameters).</summary>
    public IReadOnlyList<KanParameterPlan> Buffers { get; }

    public bool HasBias { get; }

    /// <summary>Smallest input width: one past the last overridden node and past the layer basis's first node.</summary>
    public int MinInputs { get; }

    /// <summary>Overridden input nodes, ascending.</summary>
    public IReadOnlyList<int> Overridden => Layer.Overrides.Select(o => o.Node).ToArray();

    /// <summary>
    /// The plan of a layer whose layer basis keeps at least one node. Groups go by first node: the
    /// layer basis's first node is the smallest one no override takes.
    /// </summary>
    public static KanLayerPlan Of(KanLayer layer)
    {
        var overridden = layer.Overrides.Select(o => o.Node).ToHashSet();
        int first = 0;
        while (overridden.Contains(first)) first++;
        var groups = layer.Overrides.GroupBy(o => o.Basis.Text)
            .Select(g => (First: g.Min(o => o.Node), g.First().Basis, Nodes: (IReadOnlyList<int>?)g.Select(o => o.Node).Order().ToArray()))
            .Append((First: first, layer.Basis, Nodes: null))
            .OrderBy(g => g.First)
            .Select((g, i) => new KanGroupPlan(i, g.Basis, g.Nodes))
            .ToArray();
        return new KanLayerPlan(layer, groups, Math.Max(first, overridden.Count == 0 ? 0 : overridden.Max()) + 1);
    }

    /// <summary>
    /// The layer as a module of <paramref name="inFeatures"/> inputs computes it: when overrides take
    /// every node, the layer basis has no group and node 0's basis becomes the layer basis.
    /// </summary>
    /// <exception cref="ArgumentException">An override of a node the layer does not have.</exception>
    public static KanLayer Effective(KanLayer layer, int inFeatures)
    {
        foreach (var o in layer.Overrides)
            if (o.Node >= inFeatures)
                throw new ArgumentException($"override of node {o.Node} ('{o.Text}'): the layer has input nodes 0..{inFeatures - 1}", nameof(layer));
        bool mainUsed = Enumerable.Range(0, inFeatures).Any(i => layer.Overrides.All(o => o.Node != i));
        return mainUsed ? layer : KanLayer.Create(layer.BasisOf(0), layer.Overrides);
    }

    /// <summary>The input nodes of a group in a layer of <paramref name="inFeatures"/> inputs.</summary>
    public IReadOnlyList<int> NodesOf(KanGroupPlan group, int inFeatures) =>
        group.Nodes ?? Enumerable.Range(0, inFeatures).Except(Overridden).ToArray();

    public long[] Shape(KanParameterPlan parameter, int inFeatures, int outFeatures)
    {
        int nodes = parameter.Group is { } g ? NodesOf(g, inFeatures).Count : 0;
        return parameter.Shape.Select(d => d.Resolve(inFeatures, outFeatures, nodes)).ToArray();
    }

    // The tensors a basis's features register (KanFeatureFactory): select candidate c adds "_c" to the suffix.
    private static IEnumerable<KanParameterPlan> FeatureParameters(KanGroupPlan group, Basis basis, string suffix) => basis switch
    {
        RbfBasis =>
        [
            new("ln_weight" + suffix, [KanDim.Nodes], KanInitKind.Ones, group),
            new("ln_bias" + suffix, [KanDim.Nodes], KanInitKind.Zeros, group),
        ],
        RationalBasis r =>
        [
            new("numerator" + suffix, [KanDim.Of(r.Groups), KanDim.Of(r.Numerator + 1)], KanInitKind.Identity, group),
            new("denominator" + suffix, [KanDim.Of(r.Groups), KanDim.Of(r.Denominator)], KanInitKind.Zeros, group),
        ],
        SelectBasis s => s.Candidates.SelectMany((c, i) => FeatureParameters(group, c, $"{suffix}_{i}"))
            .Append(new("select_logits" + suffix, [KanDim.Nodes, KanDim.Of(s.Candidates.Count)], KanInitKind.Zeros, group)),
        _ => [],
    };
}
