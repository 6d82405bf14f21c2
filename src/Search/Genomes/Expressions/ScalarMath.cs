namespace Search.Genomes.Expressions;

/// <summary>
/// The exact scalar math of every elementwise op, in plain doubles. Used for constant folding and
/// the activation evaluator; it is deterministic (no platform-dependent erf: ours is a series).
/// </summary>
public static class ScalarMath
{
    /// <summary>The eps of log(|x|+eps) and of std = sqrt(var + eps).</summary>
    public const double Eps = 1e-5;

    private const double SeluLambda = 1.0507009873554805, SeluAlpha = 1.6732632423543772;

    /// <summary>True where <see cref="Apply(UnaryOp, double)"/> is defined (every op but the aggregates).</summary>
    public static bool IsElementwise(UnaryOp op) => !op.IsAggregate();

    public static double Apply(UnaryOp op, double a) => op switch
    {
        UnaryOp.Neg => -a,
        UnaryOp.Abs => Math.Abs(a),
        UnaryOp.Square => a * a,
        UnaryOp.Cube => a * a * a,
        UnaryOp.Sqrt => Math.Sqrt(a),
        UnaryOp.LogAbsEps => Math.Log(Math.Abs(a) + Eps),
        UnaryOp.Exp => Math.Exp(a),
        UnaryOp.Sin => Math.Sin(a),
        UnaryOp.Cos => Math.Cos(a),
        UnaryOp.Sinh => Math.Sinh(a),
        UnaryOp.Cosh => Math.Cosh(a),
        UnaryOp.Tanh => Math.Tanh(a),
        UnaryOp.Asinh => Math.Asinh(a),
        UnaryOp.Atan => Math.Atan(a),
        UnaryOp.Sinc => a == 0 ? 1 : Math.Sin(a) / a,
        UnaryOp.Sigmoid => Sigmoid(a),
        UnaryOp.Softplus => Softplus(a),
        UnaryOp.Erf => Erf(a),
        UnaryOp.Relu => a > 0 ? a : 0,
        UnaryOp.Gelu => 0.5 * a * (1 + Erf(a / Math.Sqrt(2))),
        UnaryOp.Silu => a * Sigmoid(a),
        UnaryOp.Elu => a > 0 ? a : Math.Exp(a) - 1,
        UnaryOp.Selu => a > 0 ? SeluLambda * a : SeluLambda * SeluAlpha * (Math.Exp(a) - 1),
        UnaryOp.LeakyRelu => a >= 0 ? a : 0.01 * a,
        UnaryOp.Softsign => a / (1 + Math.Abs(a)),
        UnaryOp.Mish => a * Math.Tanh(Softplus(a)),
        UnaryOp.SignedLog => a == 0 ? 0 : Math.Sign(a) * Math.Log(Math.Abs(a)),
        UnaryOp.SignedSqrt => Math.Sign(a) * Math.Sqrt(Math.Abs(a)),
        _ => throw new ArgumentException($"{op} has no scalar form", nameof(op)),
    };

    public static double Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        BinaryOp.Max => Math.Max(a, b),
        BinaryOp.Min => Math.Min(a, b),
        _ => throw new ArgumentException($"unknown op {op}", nameof(op)),
    };

    public static double Sigmoid(double a) => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));

    /// <summary>ln(1 + e^a), computed without overflow.</summary>
    public static double Softplus(double a) => Math.Max(a, 0) + Math.Log(1 + Math.Exp(-Math.Abs(a)));

    /// <summary>
    /// erf via the all-positive series erf(a) = 2/sqrt(pi) e^(-a^2) sum a^(2n+1) 2^n / (1*3*...*(2n+1)),
    /// which has no cancellation; beyond |a| = 6, erf is +-1 to double precision.
    /// </summary>
    public static double Erf(double a)
    {
        if (double.IsNaN(a)) return double.NaN;
        double x = Math.Abs(a);
        if (x >= 6) return Math.Sign(a);
        double term = x, sum = x, x2 = 2 * x * x;
        for (int n = 1; n < 500 && term > 1e-17 * sum; n++)
        {
            term *= x2 / (2 * n + 1);
            sum += term;
        }
        double r = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
        return a < 0 ? -r : r;
    }
}
