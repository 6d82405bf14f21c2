using Search.Genomes.Expressions;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Compile;

/// <summary>
/// The elementwise primitives as tensor operations, matching <see cref="ScalarMath"/> (the engine's
/// double-precision definitions) op for op. Aggregates are not elementwise and live elsewhere.
/// </summary>
public static class ElementwiseOps
{
    private const double SeluLambda = 1.0507009873554805, SeluAlpha = 1.6732632423543772;

    public static Value Apply(UnaryOp op, Value a) =>
        a.IsNumber ? Value.Of(ScalarMath.Apply(op, a.Number)) : Value.Of(Apply(op, a.Tensor!));

    public static Tensor Apply(UnaryOp op, Tensor a) => op switch
    {
        UnaryOp.Neg => a.neg(),
        UnaryOp.Abs => a.abs(),
        UnaryOp.Square => a.square(),
        UnaryOp.Cube => a.pow(3),
        UnaryOp.Sqrt => a.sqrt(),
        UnaryOp.LogAbsEps => a.abs().add(ScalarMath.Eps).log(),
        UnaryOp.Exp => a.exp(),
        UnaryOp.Sin => a.sin(),
        UnaryOp.Cos => a.cos(),
        UnaryOp.Sinh => a.sinh(),
        UnaryOp.Cosh => a.cosh(),
        UnaryOp.Tanh => a.tanh(),
        UnaryOp.Asinh => a.asinh(),
        UnaryOp.Atan => a.atan(),
        UnaryOp.Sinc => a.div(Math.PI).sinc(), // torch's sinc is normalised: sin(pi t)/(pi t)
        UnaryOp.Sigmoid => a.sigmoid(),
        UnaryOp.Softplus => nn.functional.softplus(a),
        UnaryOp.Erf => a.erf(),
        UnaryOp.Relu => a.relu(),
        UnaryOp.Gelu => nn.functional.gelu(a),
        UnaryOp.Silu => nn.functional.silu(a),
        UnaryOp.Elu => nn.functional.elu(a, 1.0),
        UnaryOp.Selu => nn.functional.elu(a, SeluAlpha).mul(SeluLambda),
        UnaryOp.LeakyRelu => nn.functional.leaky_relu(a, 0.01),
        UnaryOp.Softsign => a.div(a.abs().add(1)),
        UnaryOp.Mish => a.mul(nn.functional.softplus(a).tanh()),
        UnaryOp.SignedLog => a.sign().mul(a.abs().clamp_min(1e-30).log()),
        UnaryOp.SignedSqrt => a.sign().mul(a.abs().sqrt()),
        _ => throw new NotSupportedException($"{op} is not an elementwise primitive"),
    };

    public static Value Apply(BinaryOp op, Value a, Value b)
    {
        if (a.IsNumber && b.IsNumber) return Value.Of(ScalarMath.Apply(op, a.Number, b.Number));
        if (b.IsNumber) return Value.Of(WithRightNumber(op, a.Tensor!, b.Number));
        if (a.IsNumber) return Value.Of(WithLeftNumber(op, a.Number, b.Tensor!));
        var (x, y) = (a.Tensor!, b.Tensor!);
        return Value.Of(op switch
        {
            BinaryOp.Add => x.add(y),
            BinaryOp.Sub => x.sub(y),
            BinaryOp.Mul => x.mul(y),
            BinaryOp.Div => x.div(y),
            BinaryOp.Max => x.maximum(y),
            BinaryOp.Min => x.minimum(y),
            _ => throw new NotSupportedException($"unknown binary op {op}"),
        });
    }

    private static Tensor WithRightNumber(BinaryOp op, Tensor x, double c) => op switch
    {
        BinaryOp.Add => x.add(c),
        BinaryOp.Sub => x.sub(c),
        BinaryOp.Mul => x.mul(c),
        BinaryOp.Div => x.div(c),
        BinaryOp.Max => x.clamp_min(c),
        BinaryOp.Min => x.clamp_max(c),
        _ => throw new NotSupportedException($"unknown binary op {op}"),
    };

    private static Tensor WithLeftNumber(BinaryOp op, double c, Tensor y) => op switch
    {
        BinaryOp.Add => y.add(c),
        BinaryOp.Sub => y.neg().add(c),
        BinaryOp.Mul => y.mul(c),
        BinaryOp.Div => y.reciprocal().mul(c),
        BinaryOp.Max => y.clamp_min(c),
        BinaryOp.Min => y.clamp_max(c),
        _ => throw new NotSupportedException($"unknown binary op {op}"),
    };
}
