using Cluster.Spaces.Yaml;
using Search.Genomes.KanBasis;
using Search.Genomes.Text;

namespace Cluster.Spaces.Families;

/// <summary>The "kan-basis" family section: layers, allowed bases, each hyperparameter's range, per-node overrides.</summary>
internal sealed class KanSection : IFamilySection
{
    public string Family => "kan-basis";

    public IReadOnlyList<string> Keys { get; } =
    [
        "name", "layers", "allowed", "grid", "order", "centers", "width", "range", "degree", "frequencies", "numerator",
        "denominator", "groups", "af_activations", "af_combinations", "max_select_candidates", "per_node", "widths", "max_overrides",
    ];

    // The genome text's names (Genomes/KanBasis/README.md).
    private static readonly IReadOnlyDictionary<string, KanBasisKind> Kinds = NameTable.Of(Enum.GetValues<KanBasisKind>(), k => k switch
    {
        KanBasisKind.BSpline => "bspline", KanBasisKind.Rbf => "rbf", KanBasisKind.Chebyshev => "chebyshev",
        KanBasisKind.Fourier => "fourier", KanBasisKind.Rational => "rational", KanBasisKind.ReluKan => "relu_kan",
        KanBasisKind.AfKan => "af_kan", _ => "select",
    });

    private static readonly IReadOnlyDictionary<string, AfActivation> Activations = NameTable.Of(Enum.GetValues<AfActivation>(), a => a switch
    {
        AfActivation.LeakyRelu => "leaky_relu", _ => a.ToString().ToLowerInvariant(),
    });

    private static readonly IReadOnlyDictionary<string, AfCombination> Combinations = NameTable.Of(Enum.GetValues<AfCombination>(), c => c switch
    {
        AfCombination.SumProd => "sum_prod", _ => c.ToString().ToLowerInvariant(),
    });

    public object Read(YamlSection s)
    {
        var d = new KanSpace();
        var space = new KanSpace
        {
            Layers = s.Int("layers", d.Layers, 1, 64),
            Allowed = s.Names("allowed", "basis", Kinds, d.Allowed),
            Grid = Ints(s, "grid", d.Grid),
            Order = Ints(s, "order", d.Order),
            Centers = Ints(s, "centers", d.Centers),
            Width = Reals(s, "width", d.Width),
            Range = Reals(s, "range", d.Range),
            Degree = Ints(s, "degree", d.Degree),
            Frequencies = Ints(s, "frequencies", d.Frequencies),
            Numerator = Ints(s, "numerator", d.Numerator),
            Denominator = Ints(s, "denominator", d.Denominator),
            Groups = Ints(s, "groups", d.Groups),
            AfActivations = s.Names("af_activations", "AF-KAN activation", Activations, d.AfActivations),
            AfCombinations = s.Names("af_combinations", "AF-KAN combination", Combinations, d.AfCombinations),
            MaxSelectCandidates = s.Int("max_select_candidates", d.MaxSelectCandidates, 2, 16),
            PerNode = s.Bool("per_node", d.PerNode),
            Widths = Widths(s),
            MaxOverrides = s.Int("max_overrides", d.MaxOverrides, 1, 1024),
        };
        return space;
    }

    private static IntRange Ints(YamlSection s, string key, IntRange fallback)
    {
        var (min, max) = s.IntRange(key, (fallback.Min, fallback.Max), 1, 1_000_000);
        return new IntRange(min, max);
    }

    private static RealRange Reals(YamlSection s, string key, RealRange fallback)
    {
        var (min, max) = s.RealRange(key, (fallback.Min, fallback.Max), 1e-9, 1e6);
        return new RealRange(min, max);
    }

    private static int[] Widths(YamlSection s)
    {
        var widths = s.Scalars("widths").Select(n => (int)YamlValues.Long(s.Source, n, "widths", 1, 1_000_000)).ToArray();
        s.Record("widths", string.Join(",", widths));
        return widths;
    }
}
