namespace Search.Genomes.Expressions;

/// <summary>
/// Two-operand primitives. Values are stable: append, never renumber. Norm-act applies them
/// elementwise with broadcasting (per-channel learnables and aggregates broadcast against x).
/// Ramachandran's parameterised binaries (sigmoid(x1)*x2, exp(-b(x1-x2)^2), ...) are compositions
/// of these, built by the activation family's core-unit templates.
/// </summary>
public enum BinaryOp
{
    /// <summary>a + b. Text: infix <c>+</c>. Commutative.</summary>
    Add = 0,
    /// <summary>a - b. Text: infix <c>-</c>.</summary>
    Sub = 1,
    /// <summary>a * b. Text: infix <c>*</c>. Commutative.</summary>
    Mul = 2,
    /// <summary>a / b (plain IEEE division: no eps; a zero divisor gives inf or NaN). Text: infix <c>/</c>.</summary>
    Div = 3,
    /// <summary>max(a, b). Text: <c>max(a, b)</c>. Commutative.</summary>
    Max = 4,
    /// <summary>min(a, b). Text: <c>min(a, b)</c>. Commutative.</summary>
    Min = 5,
}

public static class BinaryOps
{
    /// <summary>Commutative and associative: the canonicaliser flattens chains and orders the operands.</summary>
    public static bool IsCommutative(this BinaryOp op) => op is BinaryOp.Add or BinaryOp.Mul or BinaryOp.Max or BinaryOp.Min;

    /// <summary>The infix symbol, or null for function-style ops (max, min).</summary>
    public static string? Infix(this BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", _ => null,
    };
}
