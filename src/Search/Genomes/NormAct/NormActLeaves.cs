using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>The graph inputs: x, the four per-channel parameters, and random constants.</summary>
internal static class NormActLeaves
{
    public static readonly VarExpr X = new(NormActPrimitives.Variable);

    public static IReadOnlyList<Expr> Inputs { get; } =
        NormActPrimitives.Parameters.Select(kv => (Expr)new LearnableExpr(kv.Key, kv.Value)).Prepend(X).ToArray();

    /// <summary>x half the time, else a parameter, sometimes a constant.</summary>
    public static Expr Random(Rng rng, NormActSpace space)
    {
        if (rng.Chance(0.5)) return X;
        if (rng.Chance(0.2)) return new ConstExpr(ExprVocabulary.RandomConstant(rng, space.ConstantMin, space.ConstantMax));
        return rng.Pick(Inputs);
    }

    public static ExprVocabulary Vocabulary(NormActSpace space) =>
        new(space.Elementwise.Concat(space.Aggregates).ToArray(), space.Binary, rng => Random(rng, space));
}
