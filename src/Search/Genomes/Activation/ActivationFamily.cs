using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// The "activation" family: scalar expressions over x (grammar in Genomes/Expressions/README.md).
/// Operators always return canonical genomes that depend on x, respect <see cref="ActivationSpace"/>'s
/// node and depth limits, use each learnable name with one init, and keep the mode's shape. Each
/// operator tries up to <see cref="MaxAttempts"/> times; then Mutate and Crossover return the
/// (first) parent when it fits, else a random genome, and Random returns the mode's fallback.
/// </summary>
public sealed class ActivationFamily : IGenomeFamily<ActivationGenome>
{
    public const int MaxAttempts = 50;

    private static readonly PrimitiveSet Set = ActivationPrimitives.Set;
    private readonly IActivationShape _shape;

    public ActivationFamily(ActivationSpace? space = null)
    {
        Space = space ?? new ActivationSpace();
        Space.Validate();
        _shape = Space.Mode switch
        {
            ActivationMode.CoreUnit => new CoreUnitShape(Space),
            ActivationMode.Correction => new CorrectionShape(Space),
            _ => new FreeShape(Space),
        };
    }

    public string Name => "activation";

    public ActivationSpace Space { get; }

    public bool SupportsCrossover => true;

    /// <summary>Parses any well-formed activation (limits are not applied) and canonicalises it.</summary>
    /// <exception cref="GenomeParseException">The only exception any text raises (see <see cref="ExprParser.Parse"/>).</exception>
    public ActivationGenome Parse(string text) => new(Canonicalizer.Canonicalize(ExprParser.Parse(text, Set), Set));

    /// <summary>Canonicalises a tree built in code.</summary>
    /// <exception cref="ArgumentException">The tree cannot be written as an activation (see <see cref="ExprValidation"/>).</exception>
    public ActivationGenome FromExpr(Expr expr) =>
        ExprValidation.Problem(expr, Set) is { } problem
            ? throw new ArgumentException(problem, nameof(expr))
            : new ActivationGenome(Canonicalizer.Canonicalize(expr, Set));

    /// <summary>Whether a genome depends on x, is within the node and depth limits, and has this mode's shape.</summary>
    public bool IsWithinLimits(ActivationGenome genome) => Fits(genome.Root);

    public ActivationGenome Random(Rng rng) =>
        TryMake(() => _shape.Random(rng), null) ?? new ActivationGenome(Canonicalizer.Canonicalize(_shape.Fallback, Set));

    public ActivationGenome Mutate(ActivationGenome parent, Rng rng) =>
        TryMake(() => _shape.Mutate(parent.Root, rng), parent.Text) ?? (Fits(parent.Root) ? parent : Random(rng));

    public ActivationGenome Crossover(ActivationGenome a, ActivationGenome b, Rng rng) =>
        TryMake(() => _shape.Crossover(a.Root, b.Root, rng), null) ?? (Fits(a.Root) ? a : Random(rng));

    private bool Fits(Expr canonical) =>
        ExprMetrics.ContainsVariable(canonical)
        && ExprMetrics.TreeSize(canonical) <= Space.MaxNodes
        && ExprMetrics.Depth(canonical) <= Space.MaxDepth
        && !ExprMetrics.HasConflictingLearnables(canonical)
        && _shape.Fits(canonical);

    private ActivationGenome? TryMake(Func<Expr?> make, string? differentFrom)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var raw = make();
            if (raw is null) continue;
            var canonical = Canonicalizer.Canonicalize(LearnableNames.ResolveConflicts(raw), Set);
            if (!Fits(canonical)) continue;
            var genome = new ActivationGenome(canonical);
            if (genome.Text != differentFrom) return genome;
        }
        return null;
    }
}
