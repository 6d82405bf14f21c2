namespace Search.Genomes.Expressions;

/// <summary>
/// A named trainable parameter with its initial value. Every occurrence of one name is the same
/// parameter (so all occurrences carry the same <see cref="Init"/>). Activation learnables are
/// scalars written <c>@name(init)</c>; norm-act learnables (v0, v1, gamma, beta) are per-channel
/// vectors shaped (1,C,1,1), written by bare name with a fixed init.
/// </summary>
public sealed record LearnableExpr(string Name, double Init) : Expr
{
    public override IReadOnlyList<Expr> Children => [];
    public override Expr WithChildren(IReadOnlyList<Expr> children) => this;
}
