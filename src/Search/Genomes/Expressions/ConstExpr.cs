namespace Search.Genomes.Expressions;

/// <summary>A fixed finite number (never NaN or infinite: the canonicaliser refuses to fold into one).</summary>
public sealed record ConstExpr(double Value) : Expr
{
    public override IReadOnlyList<Expr> Children => [];
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this;
}
