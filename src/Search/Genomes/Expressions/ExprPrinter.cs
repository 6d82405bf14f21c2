using System.Text;

namespace Search.Genomes.Expressions;

/// <summary>
/// Prints the text form with the fewest parentheses the grammar needs, so that parsing the output
/// gives back the same tree. Precedence: + - (1) &lt; * / (2) &lt; prefix - (3) &lt; postfix ^ (4) &lt; atoms (5).
/// </summary>
public static class ExprPrinter
{
    public static string Print(Expr expr, PrimitiveSet set)
    {
        var sb = new StringBuilder();
        Write(sb, expr, set);
        return sb.ToString();
    }

    /// <summary>How tightly the printed form of <paramref name="expr"/> binds.</summary>
    public static int Precedence(Expr expr) => expr switch
    {
        ConstExpr c => c.Value < 0 ? 3 : 5,
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } => 1,
        BinaryExpr { Op: BinaryOp.Mul or BinaryOp.Div } => 2,
        UnaryExpr { Op: UnaryOp.Neg } => 3,
        UnaryExpr { Op: UnaryOp.Square or UnaryOp.Cube } => 4,
        _ => 5,
    };

    private static void Write(StringBuilder sb, Expr expr, PrimitiveSet set)
    {
        switch (expr)
        {
            case VarExpr v: sb.Append(v.Name); break;
            case ConstExpr c: sb.Append(Format.Number(c.Value)); break;
            case LearnableExpr l when set.FixedLearnables.ContainsKey(l.Name): sb.Append(l.Name); break;
            case LearnableExpr l: sb.Append('@').Append(l.Name).Append('(').Append(Format.Number(l.Init)).Append(')'); break;
            case UnaryExpr { Op: UnaryOp.Neg } u:
                sb.Append('-');
                WrapIf(sb, u.Operand, set, Precedence(u.Operand) <= 3);
                break;
            case UnaryExpr { Op: UnaryOp.Square or UnaryOp.Cube } u:
                WrapIf(sb, u.Operand, set, Precedence(u.Operand) < 5);
                sb.Append(u.Op == UnaryOp.Square ? "^2" : "^3");
                break;
            case UnaryExpr u:
                sb.Append(set.FunctionName(u.Op)).Append('(');
                Write(sb, u.Operand, set);
                sb.Append(')');
                break;
            case BinaryExpr { Op: BinaryOp.Max or BinaryOp.Min } b:
                sb.Append(b.Op == BinaryOp.Max ? "max(" : "min(");
                Write(sb, b.Left, set);
                sb.Append(", ");
                Write(sb, b.Right, set);
                sb.Append(')');
                break;
            case BinaryExpr b:
                int p = Precedence(b);
                WrapIf(sb, b.Left, set, Precedence(b.Left) < p);
                sb.Append(' ').Append(b.Op.Infix()).Append(' ');
                WrapIf(sb, b.Right, set, Precedence(b.Right) <= p);
                break;
            default: throw new ArgumentException($"unknown node {expr.GetType().Name}", nameof(expr));
        }
    }

    private static void WrapIf(StringBuilder sb, Expr expr, PrimitiveSet set, bool wrap)
    {
        if (wrap) sb.Append('(');
        Write(sb, expr, set);
        if (wrap) sb.Append(')');
    }
}
