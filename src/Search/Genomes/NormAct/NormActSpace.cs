using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// Settings of the norm-act family. Node limits count distinct op nodes of the graph (shared
/// subtrees once), as in EvoNorms; <see cref="MaxTreeSize"/> also bounds the written-out text.
/// Parse accepts any well-formed layer; the limits and allowed ops bind the operators.
/// </summary>
public sealed record NormActSpace
{
    public IReadOnlyList<UnaryOp> Elementwise { get; init; } = NormActPrimitives.Elementwise;
    public IReadOnlyList<UnaryOp> Aggregates { get; init; } = AggregateInfo.All;
    public IReadOnlyList<BinaryOp> Binary { get; init; } = NormActPrimitives.Binary;

    /// <summary>Most distinct intermediate (op) nodes.</summary>
    public int MaxNodes { get; init; } = 14;

    /// <summary>Most nodes in the tree expansion (the text), guarding against exponential sharing.</summary>
    public int MaxTreeSize { get; init; } = 64;

    public int MaxDepth { get; init; } = 10;

    /// <summary>Channel groups of the group_* aggregates (the evaluator lowers it until it divides C).</summary>
    public int Groups { get; init; } = 32;

    public double ConstantMin { get; init; } = -2;
    public double ConstantMax { get; init; } = 2;

    /// <summary>Intermediate nodes of a random graph: MinIntermediate..MaxIntermediate (capped by MaxNodes).</summary>
    public int MinIntermediate { get; init; } = 2;
    public int MaxIntermediate { get; init; } = 8;

    /// <summary>Chance to keep a random graph that has no aggregate (aggregates are encouraged, not required).</summary>
    public double KeepWithoutAggregate { get; init; } = 0.1;

    public void Validate()
    {
        var set = NormActPrimitives.Set;
        foreach (var op in Elementwise)
            if (op.IsAggregate() || !set.Knows(op)) throw new ArgumentException($"{op} is not a norm-act elementwise op");
        foreach (var op in Aggregates)
            if (!op.IsAggregate()) throw new ArgumentException($"{op} is not an aggregate");
        if (Binary.Count == 0) throw new ArgumentException("at least one binary op is needed");
        if (MaxNodes < 1 || MaxTreeSize < 3 || MaxDepth < 3) throw new ArgumentException("MaxNodes >= 1, MaxTreeSize >= 3 and MaxDepth >= 3 are needed");
        if (Groups < 1) throw new ArgumentException($"Groups must be positive, got {Groups}");
        if (!(ConstantMin <= ConstantMax)) throw new ArgumentException("ConstantMin must not exceed ConstantMax");
        if (MinIntermediate < 1 || MaxIntermediate < MinIntermediate) throw new ArgumentException("need 1 <= MinIntermediate <= MaxIntermediate");
    }
}
