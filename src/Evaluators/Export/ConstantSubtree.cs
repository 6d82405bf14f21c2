using Evaluators.Compile;
using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// Subtrees without x or learnables are plain numbers, computed in doubles as the evaluator does.
/// Canonical trees fold them to one constant unless the value is not finite (sqrt(-3) stays a
/// subtree) or an aggregate is involved (batch_mean(3) stays), so generated code writes their value
/// (NaN included), never tensor calls on a number.
/// </summary>
public static class ConstantSubtree
{
    public static bool TryValue(Expr expr, out double value)
    {
        if (expr is ConstExpr c) { value = c.Value; return true; }
        if (ExprMetrics.Contains(expr, n => n is VarExpr or LearnableExpr)) { value = 0; return false; }
        value = Evaluate(expr);
        return true;
    }

    // An aggregate of a constant is the compiled module's number for it (mean c, E[a^2] c^2, std sqrt(eps)).
    private static double Evaluate(Expr e) => e switch
    {
        ConstExpr c => c.Value,
        UnaryExpr u when u.Op.IsAggregate() => AggregateOps.OfConstant(u.Op.Decompose().Moment, Evaluate(u.Operand)),
        UnaryExpr u => ScalarMath.Apply(u.Op, Evaluate(u.Operand)),
        BinaryExpr b => ScalarMath.Apply(b.Op, Evaluate(b.Left), Evaluate(b.Right)),
        _ => throw new ArgumentException($"unknown node {e.GetType().Name}", nameof(e)),
    };
}
