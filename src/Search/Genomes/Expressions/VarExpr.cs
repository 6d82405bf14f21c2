namespace Search.Genomes.Expressions;

/// <summary>The input variable (x: a scalar for activations, the N,C,H,W tensor for norm-act).</summary>
public sealed record VarExpr(string Name) : Expr
{
    public override IReadOnlyList<Expr> Children => [];
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this;
}
