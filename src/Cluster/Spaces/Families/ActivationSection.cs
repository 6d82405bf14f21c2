using Cluster.Spaces.Yaml;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;

namespace Cluster.Spaces.Families;

/// <summary>The "activation" family section: mode, allowed primitives, size limits, constants, learnables, units, correction bases.</summary>
internal sealed class ActivationSection : IFamilySection
{
    public string Family => "activation";

    public IReadOnlyList<string> Keys { get; } =
        ["name", "mode", "unary", "binary", "max_nodes", "max_depth", "constant_range", "learnable_chance", "max_units", "correction_bases"];

    private static readonly PrimitiveSet Set = ActivationPrimitives.Set;
    private static readonly IReadOnlyDictionary<string, UnaryOp> UnaryNames = NameTable.Unary(Set, Set.UnaryOps);
    private static readonly IReadOnlyDictionary<string, UnaryOp> BaseNames =
        NameTable.Unary(Set, Set.UnaryOps.Where(o => o is not (UnaryOp.Neg or UnaryOp.Square or UnaryOp.Cube)));

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<UnaryOp>> Presets = new Dictionary<string, IReadOnlyList<UnaryOp>>
    {
        ["ramachandran"] = ActivationPrimitives.Ramachandran,
        ["named"] = ActivationPrimitives.Named,
        ["default"] = new ActivationSpace().Unary,
    };

    public object Read(YamlSection s)
    {
        var d = new ActivationSpace();
        var (min, max) = s.RealRange("constant_range", (d.ConstantMin, d.ConstantMax), -1e6, 1e6);
        var space = new ActivationSpace
        {
            Mode = ActivationModes.Parse(s.Choice("mode", ["free", "core-unit", "correction"], d.Mode.Name(), "mode")),
            Unary = s.Names("unary", "unary primitive", UnaryNames, d.Unary, Presets),
            Binary = s.Names("binary", "binary primitive", NameTable.Binary, d.Binary),
            MaxNodes = s.Int("max_nodes", d.MaxNodes, 7, 1000),
            MaxDepth = s.Int("max_depth", d.MaxDepth, 4, 100),
            ConstantMin = min,
            ConstantMax = max,
            LearnableChance = s.Double("learnable_chance", d.LearnableChance, 0, 1),
            MaxUnits = s.Int("max_units", d.MaxUnits, 1, 16),
            CorrectionBases = s.Names("correction_bases", "correction base", BaseNames, d.CorrectionBases),
        };
        return space;
    }
}
