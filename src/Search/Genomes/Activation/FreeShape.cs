using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>"free" mode: any tree; grow-method generation, tree mutations, subtree crossover.</summary>
internal sealed class FreeShape(ActivationSpace space) : IActivationShape
{
    public Expr Random(Rng rng) =>
        ExprGenerator.Grow(rng, ActivationLeaves.Vocabulary(space, null), rng.NextInt(2, space.MaxDepth + 1), opAtRoot: true);

    public Expr? Mutate(Expr parent, Rng rng) => FreeMutation.Apply(parent, rng, space, space.MaxDepth);

    public Expr? Crossover(Expr a, Expr b, Rng rng) => ExprCrossover.Subtree(a, b, rng);

    public bool Fits(Expr canonical) => true;

    public Expr Fallback => ActivationLeaves.X;
}
