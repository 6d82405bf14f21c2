using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// Settings of the activation family. Limits count tree nodes (leaves included) and depth in nodes.
/// Parse accepts any well-formed activation; the limits and allowed ops bind the operators.
/// </summary>
public sealed record ActivationSpace
{
    /// <summary>Unary ops random trees and op swaps may use (default: Ramachandran's set plus the named activations).</summary>
    public IReadOnlyList<UnaryOp> Unary { get; init; } = ActivationPrimitives.Ramachandran.Union(ActivationPrimitives.Named).ToArray();

    /// <summary>Binary ops random trees and op swaps may use.</summary>
    public IReadOnlyList<BinaryOp> Binary { get; init; } = Enum.GetValues<BinaryOp>();

    public int MaxNodes { get; init; } = 24;
    public int MaxDepth { get; init; } = 8;

    /// <summary>Range of random constants.</summary>
    public double ConstantMin { get; init; } = -3;
    public double ConstantMax { get; init; } = 3;

    /// <summary>Chance that a random leaf is a new learnable <c>@bN(1)</c> (free and correction modes).</summary>
    public double LearnableChance { get; init; } = 0.15;

    public ActivationMode Mode { get; init; } = ActivationMode.Free;

    /// <summary>Core-unit mode: units per random genome, 1..MaxUnits.</summary>
    public int MaxUnits { get; init; } = 2;

    /// <summary>Correction mode: the base activations.</summary>
    public IReadOnlyList<UnaryOp> CorrectionBases { get; init; } = [UnaryOp.Relu, UnaryOp.Gelu, UnaryOp.Silu, UnaryOp.Tanh];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        var set = ActivationPrimitives.Set;
        foreach (var op in Unary)
            if (!set.Knows(op)) throw new ArgumentException($"unary op {op} is not an activation primitive");
        if (Binary.Count == 0) throw new ArgumentException("at least one binary op is needed");
        if (MaxNodes < 7) throw new ArgumentException($"MaxNodes must be at least 7, got {MaxNodes}");
        if (MaxDepth < 4) throw new ArgumentException($"MaxDepth must be at least 4, got {MaxDepth}");
        if (!(ConstantMin <= ConstantMax)) throw new ArgumentException("ConstantMin must not exceed ConstantMax");
        if (MaxUnits < 1) throw new ArgumentException("MaxUnits must be at least 1");
        if (CorrectionBases.Count == 0 || CorrectionBases.Any(o => o is UnaryOp.Neg or UnaryOp.Square or UnaryOp.Cube || !set.Knows(o)))
            throw new ArgumentException("CorrectionBases must be non-empty named functions");
    }
}
