namespace Search.Genomes.Expressions;

/// <summary>
/// The vocabulary of one family's text form: its input variable, the unary ops it knows and their
/// function names, which postfix powers it accepts, its fixed-name learnables (norm-act's v0, v1,
/// gamma, beta) and whether inline learnables <c>@name(init)</c> are allowed (activations).
/// Infix <c>+ - * /</c>, prefix <c>-</c>, and <c>max</c>/<c>min</c> are always known.
/// </summary>
public sealed class PrimitiveSet
{
    private readonly Dictionary<string, UnaryOp> _byName;
    private readonly Dictionary<UnaryOp, string> _names;

    public PrimitiveSet(string variable, IReadOnlyDictionary<string, UnaryOp> functions,
        bool allowCube, IReadOnlyDictionary<string, double> fixedLearnables, bool inlineLearnables)
    {
        Variable = variable;
        _byName = new(functions, StringComparer.Ordinal);
        _names = functions.ToDictionary(kv => kv.Value, kv => kv.Key);
        AllowCube = allowCube;
        FixedLearnables = fixedLearnables;
        InlineLearnables = inlineLearnables;
        var ops = new List<UnaryOp> { UnaryOp.Neg, UnaryOp.Square };
        if (allowCube) ops.Add(UnaryOp.Cube);
        ops.AddRange(functions.Values);
        UnaryOps = ops;
    }

    public string Variable { get; }
    public bool AllowCube { get; }
    public IReadOnlyDictionary<string, double> FixedLearnables { get; }
    public bool InlineLearnables { get; }

    /// <summary>Every unary op the text form can express (prefix minus and powers included).</summary>
    public IReadOnlyList<UnaryOp> UnaryOps { get; }

    public IReadOnlyList<BinaryOp> BinaryOps { get; } = Enum.GetValues<BinaryOp>();

    public bool TryFunction(string name, out UnaryOp op) => _byName.TryGetValue(name, out op);

    /// <summary>The function name of a call-style unary op (not Neg, Square, Cube).</summary>
    public string FunctionName(UnaryOp op) =>
        _names.TryGetValue(op, out var name) ? name : throw new ArgumentException($"{op} is not a function of this family", nameof(op));

    public bool Knows(UnaryOp op) => op is UnaryOp.Neg or UnaryOp.Square || (op == UnaryOp.Cube && AllowCube) || _names.ContainsKey(op);

    /// <summary>Known call names, sorted, for error messages.</summary>
    public string KnownFunctions => string.Join(", ", _byName.Keys.Append("max").Append("min").Order(StringComparer.Ordinal));

    public string KnownNames => string.Join(", ", FixedLearnables.Keys.Prepend(Variable).Order(StringComparer.Ordinal));
}
