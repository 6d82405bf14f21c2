using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// "correction" mode (EAFO): <c>base(x) + @e(init) * g</c> with base from the space's list and g a
/// small expression in x (free of @e). Mutations change the base, retune e, or mutate g as a free
/// tree; crossover crosses the two g's and keeps the first parent's base and e.
/// </summary>
internal sealed class CorrectionShape(ActivationSpace space) : IActivationShape
{
    public const string E = "e";
    public const double EInit = 0.01;

    public Expr Random(Rng rng)
    {
        var g = ExprGenerator.Grow(rng, ActivationLeaves.Vocabulary(space, null), rng.NextInt(2, Math.Max(3, space.MaxDepth - 1)), opAtRoot: true);
        return Compose(rng.Pick(space.CorrectionBases), EInit, g);
    }

    public Expr? Mutate(Expr parent, Rng rng)
    {
        if (!TryDecompose(parent, out var op, out double e, out var g)) return null;
        double r = rng.NextDouble();
        if (r < 0.2 && space.CorrectionBases.Count > 1)
            return Compose(rng.Pick(space.CorrectionBases.Where(b => b != op).ToList()), e, g);
        if (r < 0.4)
        {
            double moved = Math.Round(e + rng.Normal() * 0.02, 4);
            return Compose(op, moved == e ? e + 0.001 : moved + 0.0, g);
        }
        var h = FreeMutation.Apply(g, rng, space, space.MaxDepth - 2);
        return h is null ? null : Compose(op, e, h);
    }

    public Expr? Crossover(Expr a, Expr b, Rng rng)
    {
        if (!TryDecompose(a, out var op, out double e, out var ga) || !TryDecompose(b, out _, out _, out var gb)) return null;
        return Compose(op, e, ExprCrossover.Subtree(ga, gb, rng));
    }

    public bool Fits(Expr canonical) => TryDecompose(canonical, out _, out _, out _);

    public Expr Fallback => Compose(space.CorrectionBases[0], EInit, ActivationLeaves.X);

    public static Expr Compose(UnaryOp baseOp, double e, Expr g) =>
        new BinaryExpr(BinaryOp.Add, new UnaryExpr(baseOp, ActivationLeaves.X), new BinaryExpr(BinaryOp.Mul, new LearnableExpr(E, e), g));

    /// <summary>Splits a canonical tree into base, e and g; false when it is not of the correction shape.</summary>
    public bool TryDecompose(Expr expr, out UnaryOp baseOp, out double e, out Expr g)
    {
        (baseOp, e, g) = (default, 0, expr);
        if (expr is not BinaryExpr { Op: BinaryOp.Add } add || add.Left is BinaryExpr { Op: BinaryOp.Add }) return false;
        foreach (var (first, second) in new[] { (add.Left, add.Right), (add.Right, add.Left) })
        {
            if (first is not UnaryExpr { Operand: VarExpr } u || !space.CorrectionBases.Contains(u.Op)) continue;
            var factors = new List<Expr>();
            Factors(second, factors);
            int at = factors.FindIndex(f => f is LearnableExpr { Name: E });
            if (at < 0) continue;
            var learnable = (LearnableExpr)factors[at];
            factors.RemoveAt(at);
            if (factors.Count == 0) continue;
            var rest = factors.Aggregate((l, r) => new BinaryExpr(BinaryOp.Mul, l, r));
            if (!ExprMetrics.ContainsVariable(rest) || ExprMetrics.Contains(rest, n => n is LearnableExpr { Name: E })) continue;
            (baseOp, e, g) = (u.Op, learnable.Init, rest);
            return true;
        }
        return false;
    }

    private static void Factors(Expr expr, List<Expr> into)
    {
        if (expr is BinaryExpr { Op: BinaryOp.Mul } m) { Factors(m.Left, into); Factors(m.Right, into); }
        else into.Add(expr);
    }
}
