namespace Search.Genomes.Expressions;

/// <summary>
/// Addresses tree positions by child-index paths (root = empty path) so that pure operators can
/// pick a position and rebuild the tree with one node replaced.
/// </summary>
public static class ExprPaths
{
    /// <summary>Every position in pre-order.</summary>
    public static List<int[]> All(Expr expr)
    {
        var paths = new List<int[]>();
        Collect(expr, [], paths);
        return paths;
    }

    public static Expr Get(Expr expr, IReadOnlyList<int> path)
    {
        foreach (int i in path) expr = expr.Children[i];
        return expr;
    }

    public static Expr Replace(Expr expr, IReadOnlyList<int> path, Expr replacement, int from = 0)
    {
        if (from == path.Count) return replacement;
        var children = expr.Children.ToArray();
        children[path[from]] = Replace(children[path[from]], path, replacement, from + 1);
        return expr.WithChildren(children);
    }

    private static void Collect(Expr expr, List<int> prefix, List<int[]> into)
    {
        into.Add([.. prefix]);
        for (int i = 0; i < expr.Children.Count; i++)
        {
            prefix.Add(i);
            Collect(expr.Children[i], prefix, into);
            prefix.RemoveAt(prefix.Count - 1);
        }
    }
}
