using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>The activation text vocabulary: scalar x, Ramachandran's unary set plus the named activations, inline @learnables.</summary>
public static class ActivationPrimitives
{
    public const string Variable = "x";

    public static PrimitiveSet Set { get; } = new(Variable, new Dictionary<string, UnaryOp>
    {
        ["abs"] = UnaryOp.Abs, ["sqrt"] = UnaryOp.Sqrt, ["log"] = UnaryOp.LogAbsEps, ["exp"] = UnaryOp.Exp,
        ["sin"] = UnaryOp.Sin, ["cos"] = UnaryOp.Cos, ["sinh"] = UnaryOp.Sinh, ["cosh"] = UnaryOp.Cosh,
        ["tanh"] = UnaryOp.Tanh, ["asinh"] = UnaryOp.Asinh, ["atan"] = UnaryOp.Atan, ["sinc"] = UnaryOp.Sinc,
        ["sigmoid"] = UnaryOp.Sigmoid, ["softplus"] = UnaryOp.Softplus, ["erf"] = UnaryOp.Erf,
        ["relu"] = UnaryOp.Relu, ["gelu"] = UnaryOp.Gelu, ["silu"] = UnaryOp.Silu, ["elu"] = UnaryOp.Elu,
        ["selu"] = UnaryOp.Selu, ["leaky_relu"] = UnaryOp.LeakyRelu, ["softsign"] = UnaryOp.Softsign,
        ["mish"] = UnaryOp.Mish,
    }, allowCube: true, fixedLearnables: new Dictionary<string, double>(), inlineLearnables: true);

    /// <summary>Ramachandran et al. 2017's unary set as single ops (max(x,0) is relu; b*x, x+b,
    /// min(x,0) and exp(-x^2) are templates of the core-unit mode).</summary>
    public static IReadOnlyList<UnaryOp> Ramachandran { get; } =
    [
        UnaryOp.Neg, UnaryOp.Abs, UnaryOp.Square, UnaryOp.Cube, UnaryOp.Sqrt, UnaryOp.LogAbsEps, UnaryOp.Exp,
        UnaryOp.Sin, UnaryOp.Cos, UnaryOp.Sinh, UnaryOp.Cosh, UnaryOp.Tanh, UnaryOp.Asinh, UnaryOp.Atan,
        UnaryOp.Sinc, UnaryOp.Relu, UnaryOp.Sigmoid, UnaryOp.Softplus, UnaryOp.Erf,
    ];

    /// <summary>The named modern activations.</summary>
    public static IReadOnlyList<UnaryOp> Named { get; } =
        [UnaryOp.Relu, UnaryOp.Gelu, UnaryOp.Silu, UnaryOp.Elu, UnaryOp.Selu, UnaryOp.LeakyRelu, UnaryOp.Softsign, UnaryOp.Mish];
}
