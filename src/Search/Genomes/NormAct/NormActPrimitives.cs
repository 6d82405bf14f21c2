using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// The norm-act text vocabulary (EvoNorms): tensor x (N,C,H,W); elementwise neg, sigmoid, tanh,
/// exp, log (sign*log|a|), abs, ^2, sqrt (sign*sqrt|a|); the twelve aggregates
/// {batch,layer,instance,group}_{mean,m2,std}; per-channel learnables v0 (init 0), v1 (init 1),
/// gamma (init 1), beta (init 0), written by bare name.
/// </summary>
public static class NormActPrimitives
{
    public const string Variable = "x";

    public static IReadOnlyDictionary<string, double> Parameters { get; } =
        new Dictionary<string, double> { ["v0"] = 0, ["v1"] = 1, ["gamma"] = 1, ["beta"] = 0 };

    public static PrimitiveSet Set { get; } = new(Variable, Functions(), allowCube: false, Parameters, inlineLearnables: false);

    /// <summary>EvoNorms' elementwise unary ops.</summary>
    public static IReadOnlyList<UnaryOp> Elementwise { get; } =
        [UnaryOp.Neg, UnaryOp.Sigmoid, UnaryOp.Tanh, UnaryOp.Exp, UnaryOp.SignedLog, UnaryOp.Abs, UnaryOp.Square, UnaryOp.SignedSqrt];

    /// <summary>EvoNorms' binary ops.</summary>
    public static IReadOnlyList<BinaryOp> Binary { get; } = [BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Div, BinaryOp.Max];

    /// <summary>Text name of an aggregate: axes prefix and moment suffix, e.g. batch_std.</summary>
    public static string AggregateName(UnaryOp op)
    {
        var (moment, axes) = op.Decompose();
        string prefix = axes switch { AggregateAxes.Batch => "batch", AggregateAxes.Layer => "layer", AggregateAxes.Instance => "instance", _ => "group" };
        string suffix = moment switch { Moment.Mean => "mean", Moment.SecondMoment => "m2", _ => "std" };
        return $"{prefix}_{suffix}";
    }

    private static Dictionary<string, UnaryOp> Functions()
    {
        var functions = new Dictionary<string, UnaryOp>
        {
            ["sigmoid"] = UnaryOp.Sigmoid, ["tanh"] = UnaryOp.Tanh, ["exp"] = UnaryOp.Exp,
            ["log"] = UnaryOp.SignedLog, ["abs"] = UnaryOp.Abs, ["sqrt"] = UnaryOp.SignedSqrt,
        };
        foreach (var op in AggregateInfo.All) functions[AggregateName(op)] = op;
        return functions;
    }
}
