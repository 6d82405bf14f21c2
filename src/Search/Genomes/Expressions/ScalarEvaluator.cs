namespace Search.Genomes.Expressions;

/// <summary>Evaluates a scalar expression in doubles; deterministic, so usable for probe hashing.</summary>
public static class ScalarEvaluator
{
    /// <param name="learnable">The value of each learnable (for example its init, or a trained value).</param>
    public static double Evaluate(Expr expr, double x, Func<LearnableExpr, double> learnable) => expr switch
    {
        VarExpr => x,
        ConstExpr c => c.Value,
        LearnableExpr l => learnable(l),
        UnaryExpr u => ScalarMath.Apply(u.Op, Evaluate(u.Operand, x, learnable)),
        BinaryExpr b => ScalarMath.Apply(b.Op, Evaluate(b.Left, x, learnable), Evaluate(b.Right, x, learnable)),
        _ => throw new ArgumentException($"unknown node {expr.GetType().Name}", nameof(expr)),
    };
}
