namespace Search.Genomes.Expressions;

/// <summary>Sizes and contents of an expression, in tree and in graph (distinct-node) terms.</summary>
public static class ExprMetrics
{
    /// <summary>Nodes of the tree expansion (what the text spells out).</summary>
    public static int TreeSize(Expr expr) => 1 + expr.Children.Sum(TreeSize);

    /// <summary>Longest root-to-leaf path, counting nodes (a leaf has depth 1).</summary>
    public static int Depth(Expr expr) => 1 + (expr.Children.Count == 0 ? 0 : expr.Children.Max(Depth));

    /// <summary>The graph view: each distinct subtree once, operands before users (topological order, root last).</summary>
    public static IReadOnlyList<Expr> DistinctNodes(Expr expr)
    {
        var seen = new HashSet<Expr>();
        var order = new List<Expr>();
        Visit(expr, seen, order);
        return order;
    }

    /// <summary>Distinct unary and binary nodes: the "intermediate nodes" of a computation graph.</summary>
    public static int OpNodeCount(Expr expr) => DistinctNodes(expr).Count(n => n is UnaryExpr or BinaryExpr);

    public static bool ContainsVariable(Expr expr) => expr is VarExpr || expr.Children.Any(ContainsVariable);

    public static bool Contains(Expr expr, Func<Expr, bool> predicate) => predicate(expr) || expr.Children.Any(c => Contains(c, predicate));

    /// <summary>Learnable name to init, in order of first appearance (left to right).</summary>
    public static IReadOnlyDictionary<string, double> Learnables(Expr expr)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var l in DistinctNodes(expr).OfType<LearnableExpr>()) found.TryAdd(l.Name, l.Init);
        return found;
    }

    /// <summary>True when one learnable name appears with two different inits (an invalid genome).</summary>
    public static bool HasConflictingLearnables(Expr expr) =>
        DistinctNodes(expr).OfType<LearnableExpr>().GroupBy(l => l.Name).Any(g => g.Select(l => l.Init).Distinct().Count() > 1);

    private static void Visit(Expr expr, HashSet<Expr> seen, List<Expr> order)
    {
        if (seen.Contains(expr)) return;
        foreach (var child in expr.Children) Visit(child, seen, order);
        if (seen.Add(expr)) order.Add(expr);
    }
}
