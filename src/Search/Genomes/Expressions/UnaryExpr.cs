namespace Search.Genomes.Expressions;

/// <summary>A one-operand primitive applied to <see cref="Operand"/>; math in <see cref="UnaryOp"/>.</summary>
public sealed record UnaryExpr(UnaryOp Op, Expr Operand) : Expr
{
    public override IReadOnlyList<Expr> Children => [Operand];
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this with { Operand = children[0] };
}
