using Cluster.Spaces.Yaml;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Cluster.Spaces.Families;

/// <summary>The "norm-act" family section (EvoNorms): allowed ops and aggregates, graph limits, groups, constants.</summary>
internal sealed class NormActSection : IFamilySection
{
    public string Family => "norm-act";

    public IReadOnlyList<string> Keys { get; } =
    [
        "name", "elementwise", "aggregates", "binary", "max_nodes", "max_tree_size", "max_depth", "groups",
        "constant_range", "intermediate", "keep_without_aggregate",
    ];

    private static readonly IReadOnlyDictionary<string, UnaryOp> ElementwiseNames =
        NameTable.Unary(NormActPrimitives.Set, NormActPrimitives.Set.UnaryOps.Where(o => !o.IsAggregate()));
    private static readonly IReadOnlyDictionary<string, UnaryOp> AggregateNames = NameTable.Of(AggregateInfo.All, NormActPrimitives.AggregateName);

    public object Read(YamlSection s)
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
        return space;
    }
}
