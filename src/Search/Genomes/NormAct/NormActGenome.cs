using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// A normalization-activation layer y = f(x) over an (N,C,H,W) tensor, always canonical. The tree
/// <see cref="Root"/> is hash-consed: equal subtrees are one shared instance, and <see cref="Nodes"/>
/// lists the graph (each distinct node once, operands first). Sharing does not show in the text,
/// which writes a shared node out at each use.
/// </summary>
public sealed class NormActGenome : IGenome, IEquatable<NormActGenome>
{
    internal NormActGenome(Expr canonicalRoot)
    {
        Root = canonicalRoot;
        Text = ExprPrinter.Print(canonicalRoot, NormActPrimitives.Set);
        StructuralHash = StableHash.Of(Text);
        Nodes = ExprMetrics.DistinctNodes(canonicalRoot);
    }

    public Expr Root { get; }
    public string Text { get; }
    public ulong StructuralHash { get; }

    /// <summary>Distinct nodes in topological order (root last): compile each once.</summary>
    public IReadOnlyList<Expr> Nodes { get; }

    /// <summary>Distinct op nodes (the graph's intermediate nodes).</summary>
    public int NodeCount => Nodes.Count(n => n is UnaryExpr or BinaryExpr);

    public int TreeSize => ExprMetrics.TreeSize(Root);
    public int Depth => ExprMetrics.Depth(Root);

    /// <summary>Per-channel parameters used (v0, v1, gamma, beta), with their inits.</summary>
    public IReadOnlyDictionary<string, double> Parameters => ExprMetrics.Learnables(Root);

    public bool Equals(NormActGenome? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as NormActGenome);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}
