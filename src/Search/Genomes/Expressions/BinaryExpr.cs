namespace Search.Genomes.Expressions;

/// <summary>A two-operand primitive; math in <see cref="BinaryOp"/>.</summary>
public sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right) : Expr
{
    public override IReadOnlyList<Expr> Children => [Left, Right];
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this with { Left = children[0], Right = children[1] };
}
