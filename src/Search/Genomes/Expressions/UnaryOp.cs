namespace Search.Genomes.Expressions;

/// <summary>
/// Every one-operand primitive of the expression families. Values are stable (persisted genomes and
/// compiled evaluators rely on them): append new ops, never renumber. Each comment gives the exact
/// math; eps is <see cref="ScalarMath.Eps"/> (1e-5). Text names live in each family's
/// <see cref="PrimitiveSet"/>.
/// </summary>
public enum UnaryOp
{
    /// <summary>-a. Text: prefix <c>-</c>.</summary>
    Neg = 0,
    /// <summary>|a|. Text: <c>abs</c>.</summary>
    Abs = 1,
    /// <summary>a*a. Text: postfix <c>^2</c>.</summary>
    Square = 2,
    /// <summary>a*a*a. Text: postfix <c>^3</c>.</summary>
    Cube = 3,
    /// <summary>sqrt(a), NaN for a &lt; 0 (activation). Text: <c>sqrt</c>.</summary>
    Sqrt = 4,
    /// <summary>ln(|a| + eps) (activation, Ramachandran's log(|x|+eps)). Text: <c>log</c>.</summary>
    LogAbsEps = 5,
    /// <summary>e^a. Text: <c>exp</c>.</summary>
    Exp = 6,
    /// <summary>sin a. Text: <c>sin</c>.</summary>
    Sin = 7,
    /// <summary>cos a. Text: <c>cos</c>.</summary>
    Cos = 8,
    /// <summary>sinh a. Text: <c>sinh</c>.</summary>
    Sinh = 9,
    /// <summary>cosh a. Text: <c>cosh</c>.</summary>
    Cosh = 10,
    /// <summary>tanh a. Text: <c>tanh</c>.</summary>
    Tanh = 11,
    /// <summary>asinh a = ln(a + sqrt(a^2 + 1)). Text: <c>asinh</c>.</summary>
    Asinh = 12,
    /// <summary>atan a. Text: <c>atan</c>.</summary>
    Atan = 13,
    /// <summary>sin(a)/a, and 1 at a = 0 (unnormalised sinc). Text: <c>sinc</c>.</summary>
    Sinc = 14,
    /// <summary>1 / (1 + e^-a). Text: <c>sigmoid</c>.</summary>
    Sigmoid = 15,
    /// <summary>ln(1 + e^a). Text: <c>softplus</c>.</summary>
    Softplus = 16,
    /// <summary>erf a = 2/sqrt(pi) * integral_0^a e^(-t^2) dt. Text: <c>erf</c>.</summary>
    Erf = 17,
    /// <summary>max(a, 0). Text: <c>relu</c>.</summary>
    Relu = 18,
    /// <summary>a/2 * (1 + erf(a/sqrt 2)) (exact, erf form). Text: <c>gelu</c>.</summary>
    Gelu = 19,
    /// <summary>a * sigmoid(a). Text: <c>silu</c>.</summary>
    Silu = 20,
    /// <summary>a for a &gt; 0, else e^a - 1 (alpha 1). Text: <c>elu</c>.</summary>
    Elu = 21,
    /// <summary>lambda*a for a &gt; 0, else lambda*alpha*(e^a - 1); lambda = 1.0507009873554805,
    /// alpha = 1.6732632423543772. Text: <c>selu</c>.</summary>
    Selu = 22,
    /// <summary>a for a &gt;= 0, else 0.01*a. Text: <c>leaky_relu</c>.</summary>
    LeakyRelu = 23,
    /// <summary>a / (1 + |a|). Text: <c>softsign</c>.</summary>
    Softsign = 24,
    /// <summary>a * tanh(softplus(a)). Text: <c>mish</c>.</summary>
    Mish = 25,
    /// <summary>sign(a) * ln|a|, and 0 at a = 0 (norm-act "log"). Text: <c>log</c>.</summary>
    SignedLog = 26,
    /// <summary>sign(a) * sqrt|a| (norm-act "sqrt"). Text: <c>sqrt</c>.</summary>
    SignedSqrt = 27,

    // Aggregates (norm-act, tensors shaped N,C,H,W). The result has the reduced axes kept with
    // size 1 and broadcasts back against the input. Axes: batch = (N,H,W), layer = (C,H,W),
    // instance = (H,W), group = (C/g,H,W) within each of g channel groups (g from the space).
    // mean = E[a]; m2 = E[a^2] (second moment, not centred); std = sqrt(E[(a - E[a])^2] + eps)
    // (biased variance). See AggregateInfo for the (moment, axes) decomposition.

    /// <summary>Mean over (N,H,W), per channel. Text: <c>batch_mean</c>.</summary>
    BatchMean = 100,
    /// <summary>E[a^2] over (N,H,W). Text: <c>batch_m2</c>.</summary>
    BatchM2 = 101,
    /// <summary>sqrt(var + eps) over (N,H,W). Text: <c>batch_std</c>.</summary>
    BatchStd = 102,
    /// <summary>Mean over (C,H,W), per sample. Text: <c>layer_mean</c>.</summary>
    LayerMean = 103,
    /// <summary>E[a^2] over (C,H,W). Text: <c>layer_m2</c>.</summary>
    LayerM2 = 104,
    /// <summary>sqrt(var + eps) over (C,H,W). Text: <c>layer_std</c>.</summary>
    LayerStd = 105,
    /// <summary>Mean over (H,W), per sample and channel. Text: <c>instance_mean</c>.</summary>
    InstanceMean = 106,
    /// <summary>E[a^2] over (H,W). Text: <c>instance_m2</c>.</summary>
    InstanceM2 = 107,
    /// <summary>sqrt(var + eps) over (H,W). Text: <c>instance_std</c>.</summary>
    InstanceStd = 108,
    /// <summary>Mean over (C/g,H,W), per sample and group. Text: <c>group_mean</c>.</summary>
    GroupMean = 109,
    /// <summary>E[a^2] over (C/g,H,W). Text: <c>group_m2</c>.</summary>
    GroupM2 = 110,
    /// <summary>sqrt(var + eps) over (C/g,H,W). Text: <c>group_std</c>.</summary>
    GroupStd = 111,
}
