using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>Subtree crossover: a random subtree of the first parent is replaced by a random subtree of the second.</summary>
public static class ExprCrossover
{
    public static Expr Subtree(Expr a, Expr b, Rng rng)
    {
        var target = rng.Pick(ExprPaths.All(a));
        var donor = ExprPaths.Get(b, rng.Pick(ExprPaths.All(b)));
        return LearnableNames.ResolveConflicts(ExprPaths.Replace(a, target, donor));
    }
}
