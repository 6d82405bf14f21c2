namespace Search.Genomes.Expressions;

/// <summary>
/// An immutable expression node. Equality is structural (records), so equal subtrees are equal
/// values: a DAG with shared intermediate nodes is the same value as its tree expansion, and
/// <see cref="ExprMetrics.DistinctNodes"/> recovers the graph. Evaluators compile by walking the
/// five node kinds: <see cref="VarExpr"/>, <see cref="ConstExpr"/>, <see cref="LearnableExpr"/>,
/// <see cref="UnaryExpr"/>, <see cref="BinaryExpr"/>.
/// </summary>
public abstract record Expr
{
    /// <summary>Operands, left to right (empty for leaves).</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>This node with its operands replaced (same count as <see cref="Children"/>).</summary>
    public abstract Expr WithChildren(IReadOnlyList<Expr> children);
}
