using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>Random trees by the "grow" method: leaves may appear at any depth, never below the limit.</summary>
public static class ExprGenerator
{
    /// <param name="maxDepth">Depth limit counting nodes (1 = a single leaf).</param>
    /// <param name="leafChance">Chance of stopping at a leaf above the limit.</param>
    /// <param name="opAtRoot">Never return a bare leaf when the depth limit allows an op.</param>
    public static Expr Grow(Rng rng, ExprVocabulary vocabulary, int maxDepth, double leafChance = 0.3, bool opAtRoot = false)
    {
        bool canUnary = vocabulary.Unary.Count > 0, canBinary = vocabulary.Binary.Count > 0;
        if (maxDepth <= 1 || (!canUnary && !canBinary) || (!opAtRoot && rng.Chance(leafChance))) return vocabulary.Leaf(rng);
        if (canUnary && (!canBinary || rng.Chance(0.4)))
            return new UnaryExpr(rng.Pick(vocabulary.Unary), Grow(rng, vocabulary, maxDepth - 1, leafChance));
        return new BinaryExpr(rng.Pick(vocabulary.Binary),
            Grow(rng, vocabulary, maxDepth - 1, leafChance), Grow(rng, vocabulary, maxDepth - 1, leafChance));
    }
}
