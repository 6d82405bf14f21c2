using Search.Core;

namespace Search.Genomes.Expressions;

/// <summary>
/// What random operators may build with: the allowed ops, and how to make a random leaf (x, a
/// constant, a learnable). Families derive one from their space settings.
/// </summary>
public sealed record ExprVocabulary(IReadOnlyList<UnaryOp> Unary, IReadOnlyList<BinaryOp> Binary, Func<Rng, Expr> Leaf)
{
    /// <summary>A constant in [min, max]: half the time a whole number, otherwise rounded to two decimals (readable text).</summary>
    public static double RandomConstant(Rng rng, double min, double max)
    {
        int lo = (int)Math.Ceiling(min), hi = (int)Math.Floor(max);
        double v = hi >= lo && rng.Chance(0.5) ? rng.NextInt(lo, hi + 1) : Math.Round(rng.Uniform(min, max), 2);
        return v + 0.0;
    }
}
