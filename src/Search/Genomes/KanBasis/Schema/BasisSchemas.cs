using Search.Genomes.Text;

namespace Search.Genomes.KanBasis.Schema;

/// <summary>The table of basis kinds: text names, parameters with defaults and ranges, typed records.</summary>
internal static class BasisSchemas
{
    public const string SelectName = "select";

    public static readonly SnakeCaseNames<KanBasisKind> KindNames = new(new Dictionary<KanBasisKind, string>
    {
        [KanBasisKind.BSpline] = "bspline", [KanBasisKind.Rbf] = "rbf", [KanBasisKind.Chebyshev] = "chebyshev",
        [KanBasisKind.Fourier] = "fourier", [KanBasisKind.Rational] = "rational", [KanBasisKind.ReluKan] = "relu_kan",
        [KanBasisKind.AfKan] = "af_kan", [KanBasisKind.Select] = SelectName,
    });

    public static readonly SnakeCaseNames<AfActivation> ActivationNames = new(new Dictionary<AfActivation, string>
    {
        [AfActivation.Softplus] = "softplus", [AfActivation.Sigmoid] = "sigmoid", [AfActivation.Silu] = "silu",
        [AfActivation.Relu] = "relu", [AfActivation.LeakyRelu] = "leaky_relu", [AfActivation.Elu] = "elu",
        [AfActivation.Gelu] = "gelu", [AfActivation.Selu] = "selu", [AfActivation.Tanh] = "tanh",
    });

    public static readonly SnakeCaseNames<AfCombination> CombinationNames = new(new Dictionary<AfCombination, string>
    {
        [AfCombination.Quad1] = "quad1", [AfCombination.Quad2] = "quad2", [AfCombination.Sum] = "sum",
        [AfCombination.Prod] = "prod", [AfCombination.SumProd] = "sum_prod", [AfCombination.Cubic1] = "cubic1",
        [AfCombination.Cubic2] = "cubic2",
    });

    private static readonly ParamSpec Grid = ParamSpec.Int("grid", 5, s => s.Grid);
    private static readonly ParamSpec Order = ParamSpec.Int("order", 3, s => s.Order);

    private static readonly Dictionary<KanBasisKind, BasisSchema> Table = new BasisSchema[]
    {
        new(KanBasisKind.BSpline, "bspline", [Grid, Order],
            v => new BSplineBasis((int)v[0], (int)v[1]),
            b => b is BSplineBasis x ? [x.Grid, x.Order] : throw Mismatch(b)),
        new(KanBasisKind.Rbf, "rbf",
            [ParamSpec.Int("centers", 8, s => s.Centers), ParamSpec.Real("width", 1, s => s.Width), ParamSpec.Real("range", 2, s => s.Range)],
            v => new RbfBasis((int)v[0], v[1], v[2]),
            b => b is RbfBasis x ? [x.Centers, x.Width, x.Range] : throw Mismatch(b)),
        new(KanBasisKind.Chebyshev, "chebyshev", [ParamSpec.Int("degree", 4, s => s.Degree)],
            v => new ChebyshevBasis((int)v[0]),
            b => b is ChebyshevBasis x ? [x.Degree] : throw Mismatch(b)),
        new(KanBasisKind.Fourier, "fourier", [ParamSpec.Int("freq", 5, s => s.Frequencies)],
            v => new FourierBasis((int)v[0]),
            b => b is FourierBasis x ? [x.Frequencies] : throw Mismatch(b)),
        new(KanBasisKind.Rational, "rational",
            [ParamSpec.Int("p", 5, s => s.Numerator), ParamSpec.Int("q", 4, s => s.Denominator), ParamSpec.Int("groups", 8, s => s.Groups)],
            v => new RationalBasis((int)v[0], (int)v[1], (int)v[2]),
            b => b is RationalBasis x ? [x.Numerator, x.Denominator, x.Groups] : throw Mismatch(b)),
        new(KanBasisKind.ReluKan, "relu_kan", [Grid, Order],
            v => new ReluKanBasis((int)v[0], (int)v[1]),
            b => b is ReluKanBasis x ? [x.Grid, x.Order] : throw Mismatch(b)),
        new(KanBasisKind.AfKan, "af_kan",
            [
                ParamSpec.Choice("act", (int)AfActivation.Silu, Enum.GetValues<AfActivation>().Select(a => ActivationNames[a]).ToArray(),
                    s => s.AfActivations.Select(a => (int)a).Order().ToArray()),
                ParamSpec.Choice("comb", (int)AfCombination.Quad1, Enum.GetValues<AfCombination>().Select(c => CombinationNames[c]).ToArray(),
                    s => s.AfCombinations.Select(c => (int)c).Order().ToArray()),
                Grid, Order,
            ],
            v => new AfKanBasis((AfActivation)(int)v[0], (AfCombination)(int)v[1], (int)v[2], (int)v[3]),
            b => b is AfKanBasis x ? [(int)x.Activation, (int)x.Combination, x.Grid, x.Order] : throw Mismatch(b)),
    }.ToDictionary(s => s.Kind);

    /// <summary>The schema of a plain kind; select has none (its content is other bases).</summary>
    public static BasisSchema For(KanBasisKind kind) => Table[kind];

    public static string Print(Basis basis) => basis is SelectBasis s
        ? $"{SelectName}({string.Join(",", s.Candidates.Select(c => c.Text))})"
        : PrintPlain(For(basis.Kind), For(basis.Kind).Values(basis));

    private static string PrintPlain(BasisSchema schema, double[] values) =>
        $"{schema.Name}({string.Join(",", schema.Params.Select((p, i) => $"{p.Key}={p.Format(values[i])}"))})";

    private static ArgumentException Mismatch(Basis b) => new($"schema mismatch for {b.GetType().Name}");
}
