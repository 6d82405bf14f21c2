using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// The "norm-act" family (EvoNorms): tensor-to-tensor graphs over x. Operators always return
/// canonical genomes whose output depends on x, within <see cref="NormActSpace"/>'s node, tree-size
/// and depth limits. Mutations: replace an op by one of the same arity, rewire an input of a node
/// (to an existing node or an input), insert a new node, change a constant, or remove a node;
/// crossover swaps in a subgraph of the second parent. Each operator tries up to
/// <see cref="MaxAttempts"/> times, then falls back to the (first) parent when it fits, else a random genome.
/// </summary>
public sealed class NormActFamily : IGenomeFamily<NormActGenome>
{
    public const int MaxAttempts = 50;

    private static readonly PrimitiveSet Set = NormActPrimitives.Set;
    private readonly ExprVocabulary _vocabulary;

    public NormActFamily(NormActSpace? space = null)
    {
        Space = space ?? new NormActSpace();
        Space.Validate();
        _vocabulary = NormActLeaves.Vocabulary(Space);
    }

    public string Name => "norm-act";

    public NormActSpace Space { get; }

    public bool SupportsCrossover => true;

    /// <summary>Parses any well-formed layer (limits are not applied) and canonicalises it.</summary>
    /// <exception cref="GenomeParseException">The only exception any text raises (see <see cref="ExprParser.Parse"/>).</exception>
    public NormActGenome Parse(string text) => new(Canonicalizer.Canonicalize(ExprParser.Parse(text, Set), Set));

    /// <summary>Canonicalises a graph built in code.</summary>
    /// <exception cref="ArgumentException">The tree cannot be written as a norm-act layer (see <see cref="ExprValidation"/>).</exception>
    public NormActGenome FromExpr(Expr expr) =>
        ExprValidation.Problem(expr, Set) is { } problem
            ? throw new ArgumentException(problem, nameof(expr))
            : new NormActGenome(Canonicalizer.Canonicalize(expr, Set));

    public bool IsWithinLimits(NormActGenome genome) => Fits(genome.Root);

    public NormActGenome Random(Rng rng) =>
        TryMake(() => NormActGraphBuilder.Build(rng, Space), null, rng) ?? new NormActGenome(NormActLeaves.X);

    public NormActGenome Mutate(NormActGenome parent, Rng rng) =>
        TryMake(() => MutateOnce(parent.Root, rng), parent.Text, null) ?? (Fits(parent.Root) ? parent : Random(rng));

    public NormActGenome Crossover(NormActGenome a, NormActGenome b, Rng rng) =>
        TryMake(() => ExprCrossover.Subtree(a.Root, b.Root, rng), null, null) ?? (Fits(a.Root) ? a : Random(rng));

    private Expr? MutateOnce(Expr parent, Rng rng)
    {
        double r = rng.NextDouble();
        if (r < 0.3) return ExprMutations.ReplaceOp(parent, rng, _vocabulary);
        if (r < 0.55) return ExprMutations.ReplaceInput(parent, rng, Candidates(parent, rng));
        if (r < 0.75) return ExprMutations.InsertNode(parent, rng, _vocabulary, g => rng.Pick(Candidates(parent, g)));
        if (r < 0.85) return ExprMutations.PerturbNumber(parent, rng, _ => false);
        return ExprMutations.Hoist(parent, rng);
    }

    // Rewiring targets: existing nodes of the graph (this is what makes it a DAG), the inputs, a fresh constant.
    private List<Expr> Candidates(Expr parent, Rng rng)
    {
        var candidates = ExprMetrics.DistinctNodes(parent).Concat(NormActLeaves.Inputs).Distinct().ToList();
        candidates.Add(new ConstExpr(ExprVocabulary.RandomConstant(rng, Space.ConstantMin, Space.ConstantMax)));
        return candidates;
    }

    private bool Fits(Expr canonical) =>
        ExprMetrics.ContainsVariable(canonical)
        && ExprMetrics.OpNodeCount(canonical) <= Space.MaxNodes
        && ExprMetrics.TreeSize(canonical) <= Space.MaxTreeSize
        && ExprMetrics.Depth(canonical) <= Space.MaxDepth;

    /// <param name="aggregateRng">When set (random graphs), graphs without an aggregate are mostly redrawn.</param>
    private NormActGenome? TryMake(Func<Expr?> make, string? differentFrom, Rng? aggregateRng)
    {
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var raw = make();
            if (raw is null || ExprMetrics.TreeSize(raw) > 4 * Space.MaxTreeSize) continue;
            var canonical = Canonicalizer.Canonicalize(raw, Set);
            if (!Fits(canonical)) continue;
            if (aggregateRng is not null && Space.Aggregates.Count > 0
                && !ExprMetrics.Contains(canonical, n => n is UnaryExpr u && u.Op.IsAggregate())
                && !aggregateRng.Chance(Space.KeepWithoutAggregate)) continue;
            var genome = new NormActGenome(canonical);
            if (genome.Text != differentFrom) return genome;
        }
        return null;
    }
}
