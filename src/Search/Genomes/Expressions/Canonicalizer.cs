namespace Search.Genomes.Expressions;

/// <summary>
/// Brings an expression to its one canonical form, bottom-up:
/// 1. sub-expressions without x and without learnables fold to a constant (elementwise ops only,
///    and only when the result is finite; -0 becomes 0);
/// 2. chains of a commutative op (+, *, max, min) are flattened, their constants folded into one,
///    the neutral constant dropped (x + 0, x * 1), repeats dropped from max and min, and the operands ordered by
///    <see cref="Rank"/> then by canonical text, then rebuilt left-associatively;
/// 3. equal subtrees are interned to one instance (hash-consing), so the DAG is explicit in memory.
/// The result is a fixed point: canonicalising it again changes nothing. Reassociation treats
/// floating-point + and * as associative, which is the intended meaning of the genome.
/// </summary>
public static class Canonicalizer
{
    public static Expr Canonicalize(Expr expr, PrimitiveSet set)
    {
        var interned = new Dictionary<Expr, Expr>();
        return Intern(Canon(expr, set), interned);
    }

    /// <summary>Sort rank of an operand in a commutative chain: constants and inline learnables lead a
    /// product (<c>2 * x</c>, <c>@b(1) * x</c>) and trail a sum or max (<c>x + 3</c>, <c>max(..., 0)</c>);
    /// fixed-name parameters trail both, as papers write them (<c>... * gamma + beta</c>).</summary>
    public static int Rank(BinaryOp op, Expr operand, PrimitiveSet set)
    {
        if (operand is LearnableExpr l && set.FixedLearnables.ContainsKey(l.Name)) return 5;
        int kind = operand switch { VarExpr => 0, UnaryExpr => 1, BinaryExpr => 2, LearnableExpr => 3, _ => 4 };
        return op == BinaryOp.Mul ? (kind + 2) % 5 : kind;
    }

    private static Expr Canon(Expr expr, PrimitiveSet set) => expr switch
    {
        ConstExpr c => Const(c.Value),
        UnaryExpr u => CanonUnary(u.Op, Canon(u.Operand, set)),
        BinaryExpr b when b.Op.IsCommutative() => CanonChain(b.Op, Canon(b.Left, set), Canon(b.Right, set), set),
        BinaryExpr b => CanonBinary(b.Op, Canon(b.Left, set), Canon(b.Right, set)),
        _ => expr,
    };

    private static ConstExpr Const(double value) => new(value + 0.0); // -0 + 0 = +0

    private static Expr CanonUnary(UnaryOp op, Expr operand)
    {
        if (operand is ConstExpr c && ScalarMath.IsElementwise(op))
        {
            double v = ScalarMath.Apply(op, c.Value);
            if (double.IsFinite(v)) return Const(v);
        }
        return new UnaryExpr(op, operand);
    }

    private static Expr CanonBinary(BinaryOp op, Expr left, Expr right)
    {
        if (left is ConstExpr a && right is ConstExpr b)
        {
            double v = ScalarMath.Apply(op, a.Value, b.Value);
            if (double.IsFinite(v)) return Const(v);
        }
        return new BinaryExpr(op, left, right);
    }

    private static Expr CanonChain(BinaryOp op, Expr left, Expr right, PrimitiveSet set)
    {
        var operands = new List<Expr>();
        Flatten(op, left, operands);
        Flatten(op, right, operands);

        if (op is BinaryOp.Max or BinaryOp.Min) operands = operands.Distinct().ToList(); // max(a, a) = a exactly
        var constants = operands.OfType<ConstExpr>().ToList();
        var others = operands.Where(o => o is not ConstExpr).ToList();
        if (constants.Count > 1)
        {
            double folded = constants.Select(c => c.Value).Aggregate((x, y) => ScalarMath.Apply(op, x, y));
            if (double.IsFinite(folded)) constants = [Const(folded)];
        }
        if (others.Count > 0 && constants.Count == 1 && IsNeutral(op, constants[0].Value)) constants.Clear();
        others.AddRange(constants);

        var keyed = others.Select(o => (Rank: Rank(op, o, set), Text: ExprPrinter.Print(o, set), Expr: o))
            .OrderBy(k => k.Rank).ThenBy(k => k.Text, StringComparer.Ordinal).ToList();
        Expr result = keyed[0].Expr;
        for (int i = 1; i < keyed.Count; i++) result = new BinaryExpr(op, result, keyed[i].Expr);
        return result;
    }

    private static bool IsNeutral(BinaryOp op, double value) =>
        (op == BinaryOp.Add && value == 0) || (op == BinaryOp.Mul && value == 1);

    private static void Flatten(BinaryOp op, Expr expr, List<Expr> into)
    {
        if (expr is BinaryExpr b && b.Op == op)
        {
            Flatten(op, b.Left, into);
            Flatten(op, b.Right, into);
        }
        else into.Add(expr);
    }

    private static Expr Intern(Expr expr, Dictionary<Expr, Expr> interned)
    {
        var children = expr.Children;
        if (children.Count > 0)
        {
            var shared = children.Select(c => Intern(c, interned)).ToArray();
            expr = expr.WithChildren(shared);
        }
        if (interned.TryGetValue(expr, out var existing)) return existing;
        interned[expr] = expr;
        return expr;
    }
}
