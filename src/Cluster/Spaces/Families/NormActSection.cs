using Cluster.Spaces.Yaml;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Cluster.Spaces.Families;

/// <summary>The "norm-act" family section (EvoNorms): allowed ops and aggregates, graph limits, groups, constants.</summary>
internal static class NormActSection
{
    public static readonly string[] Keys =
    [
        "name", "elementwise", "aggregates", "binary", "max_nodes", "max_tree_size", "max_depth", "groups",
        "constant_range", "intermediate", "keep_without_aggregate",
    ];

    private static readonly IReadOnlyDictionary<string, UnaryOp> ElementwiseNames =
        NameTable.Unary(NormActPrimitives.Set, NormActPrimitives.Set.UnaryOps.Where(o => !o.IsAggregate()));
    private static readonly IReadOnlyDictionary<string, UnaryOp> AggregateNames = NameTable.Of(AggregateInfo.All, NormActPrimitives.AggregateName);

    public static LoadedFamily Read(YamlSection s)
    {
        var d = new NormActSpace();
        var (cmin, cmax) = s.RealRange("constant_range", (d.ConstantMin, d.ConstantMax), -1e6, 1e6);
        var (imin, imax) = s.IntRange("intermediate", (d.MinIntermediate, d.MaxIntermediate), 1, 1000);
        var space = new NormActSpace
        {
            Elementwise = s.Names("elementwise", "elementwise op", ElementwiseNames, d.Elementwise),
            Aggregates = s.Names("aggregates", "aggregate", AggregateNames, d.Aggregates),
            Binary = s.Names("binary", "binary primitive", NameTable.Binary, d.Binary),
            MaxNodes = s.Int("max_nodes", d.MaxNodes, 1, 1000),
            MaxTreeSize = s.Int("max_tree_size", d.MaxTreeSize, 3, 10_000),
            MaxDepth = s.Int("max_depth", d.MaxDepth, 3, 100),
            Groups = s.Int("groups", d.Groups, 1, 4096),
            ConstantMin = cmin,
            ConstantMax = cmax,
            MinIntermediate = imin,
            MaxIntermediate = imax,
            KeepWithoutAggregate = s.Double("keep_without_aggregate", d.KeepWithoutAggregate, 0, 1),
        };
        RefuseWhatEvaluatorsIgnore(s, space, d);
        var family = FamilySection.Build(s, () => new NormActFamily(space));
        return new LoadedFamily(family.Erase(), g => family.IsWithinLimits((NormActGenome)g)
            ? null
            : $"outside the space (over {space.MaxNodes} op nodes, tree size {space.MaxTreeSize} or depth {space.MaxDepth}, or no x)");
    }

    /// <summary>
    /// Evaluators compile norm-act genomes with the family's default groups and limits (jobs do not carry
    /// the family section yet): a different group count would be silently replaced, and limits above the
    /// defaults would make the evaluator's structural stage reject the search's own genomes. Refused
    /// here, with the reason, rather than measured wrongly. Lower limits are fine (the engine keeps to them).
    /// </summary>
    private static void RefuseWhatEvaluatorsIgnore(YamlSection s, NormActSpace space, NormActSpace d)
    {
        void Refuse(string key, string problem) => throw s.Source.Error(s.Value(key) ?? s.KeyNode(key), $"'{s.PathOf(key)}': {problem}");
        if (space.Groups != d.Groups)
            Refuse("groups", $"{space.Groups} is not supported yet: evaluators compute group statistics with {d.Groups} groups (lowered per layer until they divide its channels)");
        foreach (var (key, value, limit) in new[] { ("max_nodes", space.MaxNodes, d.MaxNodes), ("max_tree_size", space.MaxTreeSize, d.MaxTreeSize), ("max_depth", space.MaxDepth, d.MaxDepth) })
            if (value > limit) Refuse(key, $"{value} is above the evaluators' structural limit {limit}; expected at most {limit}");
    }
}
