using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>One random tree mutation of a free-form expression (also used on the g of a correction).</summary>
internal static class FreeMutation
{
    public static Expr? Apply(Expr parent, Rng rng, ActivationSpace space, int maxDepth)
    {
        var vocabulary = ActivationLeaves.Vocabulary(space, parent);
        double r = rng.NextDouble();
        if (r < 0.25) return ExprMutations.ReplaceOp(parent, rng, vocabulary);
        if (r < 0.45) return ExprMutations.ReplaceSubtree(parent, rng, vocabulary, rng.NextInt(1, Math.Max(2, maxDepth / 2)));
        if (r < 0.60) return ExprMutations.InsertNode(parent, rng, vocabulary, vocabulary.Leaf);
        if (r < 0.75) return ExprMutations.Hoist(parent, rng);
        return ExprMutations.PerturbNumber(parent, rng, _ => true);
    }
}
