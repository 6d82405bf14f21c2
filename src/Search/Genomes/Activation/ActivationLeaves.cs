using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>Random leaves and the random-tree vocabulary; new learnables get names unused in the tree they join.</summary>
internal static class ActivationLeaves
{
    public static readonly VarExpr X = new(ActivationPrimitives.Variable);

    public static HashSet<string> UsedNames(Expr? existing) =>
        new(existing is null ? [] : ExprMetrics.Learnables(existing).Keys, StringComparer.Ordinal);

    public static LearnableExpr NewLearnable(HashSet<string> used, double init) => new(LearnableNames.Fresh("b", used), init);

    public static ExprVocabulary Vocabulary(ActivationSpace space, Expr? existing)
    {
        var used = UsedNames(existing);
        return new ExprVocabulary(space.Unary, space.Binary, rng =>
        {
            double r = rng.NextDouble();
            if (r < space.LearnableChance) return NewLearnable(used, 1);
            if (r < space.LearnableChance + 0.25) return new ConstExpr(ExprVocabulary.RandomConstant(rng, space.ConstantMin, space.ConstantMax));
            return X;
        });
    }
}
