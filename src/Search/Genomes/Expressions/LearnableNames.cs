namespace Search.Genomes.Expressions;

/// <summary>
/// Keeps "one name, one parameter": when pieces of two parents meet, a learnable whose name is
/// already taken with another init is renamed (b -> b2, b3, ...).
/// </summary>
public static class LearnableNames
{
    public static Expr ResolveConflicts(Expr expr)
    {
        var firstInit = new Dictionary<string, double>(StringComparer.Ordinal);
        var renamed = new Dictionary<(string, double), string>();
        var used = new HashSet<string>(ExprMetrics.DistinctNodes(expr).OfType<LearnableExpr>().Select(l => l.Name), StringComparer.Ordinal);
        return Walk(expr);

        Expr Walk(Expr e)
        {
            if (e is LearnableExpr l)
            {
                if (renamed.TryGetValue((l.Name, l.Init), out var name)) return l with { Name = name };
                if (!firstInit.TryGetValue(l.Name, out double init)) { firstInit[l.Name] = l.Init; return l; }
                if (init.Equals(l.Init)) return l;
                string fresh = Fresh(l.Name, used);
                renamed[(l.Name, l.Init)] = fresh;
                firstInit[fresh] = l.Init;
                return l with { Name = fresh };
            }
            var children = e.Children;
            return children.Count == 0 ? e : e.WithChildren(children.Select(Walk).ToArray());
        }
    }

    /// <summary>The first of name, name2, name3, ... not in <paramref name="used"/>; marks it used.</summary>
    public static string Fresh(string name, ISet<string> used)
    {
        string candidate = name;
        for (int i = 2; !used.Add(candidate); i++) candidate = name + i;
        return candidate;
    }
}
