namespace Search.Genomes.Expressions;

/// <summary>Checks that a tree built in code can be written in a family's text form.</summary>
public static class ExprValidation
{
    /// <summary>The first reason the tree cannot be a genome of <paramref name="set"/>, or null when it can.</summary>
    public static string? Problem(Expr expr, PrimitiveSet set)
    {
        foreach (var node in ExprMetrics.DistinctNodes(expr))
        {
            string? problem = node switch
            {
                VarExpr v when v.Name != set.Variable => $"unknown variable '{v.Name}'",
                ConstExpr c when !double.IsFinite(c.Value) => $"non-finite constant {c.Value}",
                UnaryExpr u when !set.Knows(u.Op) => $"op {u.Op} is not in this family",
                LearnableExpr l when set.FixedLearnables.TryGetValue(l.Name, out double init) && !init.Equals(l.Init) =>
                    $"parameter '{l.Name}' has init {init}, not {l.Init}",
                LearnableExpr l when !set.FixedLearnables.ContainsKey(l.Name) && !set.InlineLearnables => $"unknown parameter '{l.Name}'",
                LearnableExpr l when !IsName(l.Name) || l.Name == set.Variable => $"bad learnable name '{l.Name}'",
                LearnableExpr l when !double.IsFinite(l.Init) => $"non-finite init of '{l.Name}'",
                _ => null,
            };
            if (problem is not null) return problem;
        }
        return ExprMetrics.HasConflictingLearnables(expr) ? "a learnable name has two inits" : null;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
}
