using Search.Genomes.Expressions;

namespace Evaluators.Export;

/// <summary>
/// Subtrees without x or learnables are plain numbers, computed in doubles as the evaluator does.
/// Canonical trees fold them to one constant unless the value is not finite (sqrt(-3) stays a
/// subtree), so generated code writes their value (NaN included), never tensor calls on a number.
/// </summary>
public static class ConstantSubtree
{
    public static bool TryValue(Expr expr, out double value)
    {
        if (expr is ConstExpr c) { value = c.Value; return true; }
        if (ExprMetrics.Contains(expr, n => n is VarExpr or LearnableExpr)) { value = 0; return false; }
        value = ScalarEvaluator.Evaluate(expr, 0, l => l.Init);
        return true;
    }
}
