using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>
/// Pure tree mutations. Each returns a new (not yet canonical) tree, or null when it does not
/// apply (say, no constant to change); the family canonicalises, validates and retries.
/// </summary>
public static class ExprMutations
{
    /// <summary>Swaps the op of a random unary or binary node for another allowed op of the same arity.</summary>
    public static Expr? ReplaceOp(Expr expr, Rng rng, ExprVocabulary vocabulary)
    {
        var path = PickPath(expr, rng, n => n is UnaryExpr or BinaryExpr);
        if (path is null) return null;
        Expr? replacement = ExprPaths.Get(expr, path) switch
        {
            UnaryExpr u when vocabulary.Unary.Any(o => o != u.Op) => u with { Op = rng.Pick(vocabulary.Unary.Where(o => o != u.Op).ToList()) },
            BinaryExpr b when vocabulary.Binary.Any(o => o != b.Op) => b with { Op = rng.Pick(vocabulary.Binary.Where(o => o != b.Op).ToList()) },
            _ => null,
        };
        return replacement is null ? null : ExprPaths.Replace(expr, path, replacement);
    }

    /// <summary>Replaces a random subtree with a fresh random one of depth up to <paramref name="maxDepth"/>.</summary>
    public static Expr ReplaceSubtree(Expr expr, Rng rng, ExprVocabulary vocabulary, int maxDepth)
    {
        var paths = ExprPaths.All(expr);
        var path = rng.Pick(paths);
        return ExprPaths.Replace(expr, path, ExprGenerator.Grow(rng, vocabulary, Math.Max(1, maxDepth)));
    }

    /// <summary>Replaces an operand of a random op node with one of <paramref name="candidates"/> (DAG rewiring).</summary>
    public static Expr? ReplaceInput(Expr expr, Rng rng, IReadOnlyList<Expr> candidates)
    {
        var path = PickPath(expr, rng, n => n is UnaryExpr or BinaryExpr);
        if (path is null || candidates.Count == 0) return null;
        var node = ExprPaths.Get(expr, path);
        int child = rng.NextInt(node.Children.Count);
        return ExprPaths.Replace(expr, [.. path, child], rng.Pick(candidates));
    }

    /// <summary>Inserts a new op above a random node: unary(n), or binary(n, other) with n on a random side.</summary>
    public static Expr InsertNode(Expr expr, Rng rng, ExprVocabulary vocabulary, Func<Rng, Expr> other)
    {
        var path = rng.Pick(ExprPaths.All(expr));
        var node = ExprPaths.Get(expr, path);
        Expr inserted;
        if (vocabulary.Unary.Count > 0 && (vocabulary.Binary.Count == 0 || rng.Chance(0.4)))
            inserted = new UnaryExpr(rng.Pick(vocabulary.Unary), node);
        else
        {
            var op = rng.Pick(vocabulary.Binary);
            var o = other(rng);
            inserted = rng.Chance(0.5) ? new BinaryExpr(op, node, o) : new BinaryExpr(op, o, node);
        }
        return ExprPaths.Replace(expr, path, inserted);
    }

    /// <summary>Replaces a random op node with one of its operands (shrinks the tree).</summary>
    public static Expr? Hoist(Expr expr, Rng rng)
    {
        var path = PickPath(expr, rng, n => n is UnaryExpr or BinaryExpr);
        if (path is null) return null;
        var node = ExprPaths.Get(expr, path);
        return ExprPaths.Replace(expr, path, rng.Pick(node.Children));
    }

    /// <summary>
    /// Perturbs one constant, or the init of one inline learnable (every occurrence of that name),
    /// by a Gaussian step scaled to the value, rounded to three decimals to keep the text readable.
    /// </summary>
    /// <param name="constants">False to leave constants alone (they may be part of a template, like the 0 of min(z, 0)).</param>
    public static Expr? PerturbNumber(Expr expr, Rng rng, Func<LearnableExpr, bool> tunable, bool constants = true)
    {
        var path = PickPath(expr, rng, n => (constants && n is ConstExpr) || (n is LearnableExpr l && tunable(l)));
        if (path is null) return null;
        switch (ExprPaths.Get(expr, path))
        {
            case ConstExpr c:
                return ExprPaths.Replace(expr, path, new ConstExpr(Step(c.Value, rng)));
            case LearnableExpr l:
                var moved = l with { Init = Step(l.Init, rng) };
                return Map(expr, n => n is LearnableExpr o && o.Name == l.Name ? moved : n);
            default:
                return null;
        }
    }

    /// <summary>Applies <paramref name="f"/> to every node bottom-up.</summary>
    public static Expr Map(Expr expr, Func<Expr, Expr> f)
    {
        var children = expr.Children;
        return f(children.Count == 0 ? expr : expr.WithChildren(children.Select(c => Map(c, f)).ToArray()));
    }

    private static double Step(double value, Rng rng)
    {
        double v = Math.Round(value + rng.Normal() * 0.5 * Math.Max(1, Math.Abs(value)), 3);
        return v == value ? value + 0.1 : v + 0.0;
    }

    private static int[]? PickPath(Expr expr, Rng rng, Func<Expr, bool> where)
    {
        var candidates = ExprPaths.All(expr).Where(p => where(ExprPaths.Get(expr, p))).ToList();
        return candidates.Count == 0 ? null : rng.Pick(candidates);
    }
}
