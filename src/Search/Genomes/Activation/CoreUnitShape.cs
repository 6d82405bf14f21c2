using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.Activation;

/// <summary>
/// "core-unit" mode (Ramachandran et al. 2017): a genome is units b(u1(z1), u2(z2)) chained, where
/// each z is x or the output of an earlier unit. Unary templates: z, -z, @b(1)*z, z + @b(0),
/// min(z, 0), exp(-z^2) and every allowed unary op; binary templates: every allowed binary op,
/// sigmoid(p)*q, exp(-@b(1)*(p - q)^2), exp(-@b(1)*abs(p - q)), @b(0.5)*p + (1 - @b(0.5))*q.
/// Operators: retune a learnable, add a unit on top (inputs: the old output, and x or the old
/// output), turn an x input into a new earlier unit, draw a fresh genome, or swap an op for another
/// allowed op of the same arity; crossover joins both parents with a new unit. All but the op swap
/// keep the genome a chain of units exactly; an op swap inside a composite template (say the exp of
/// exp(-z^2)) leaves a unit that is no longer a listed template. The text form does not mark
/// units (canonical flattening merges them), so <see cref="Fits"/> checks only the family's limits.
/// </summary>
internal sealed class CoreUnitShape(ActivationSpace space) : IActivationShape
{
    private static readonly VarExpr X = ActivationLeaves.X;

    public Expr Random(Rng rng)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var outputs = new List<Expr>();
        int units = rng.NextInt(1, space.MaxUnits + 1);
        for (int i = 0; i < units; i++)
        {
            var z1 = outputs.Count == 0 ? X : outputs[^1];
            var z2 = rng.Pick(outputs.Prepend(X).ToList());
            outputs.Add(Unit(rng, z1, z2, used));
        }
        return outputs[^1];
    }

    public Expr? Mutate(Expr parent, Rng rng)
    {
        double r = rng.NextDouble();
        var used = ActivationLeaves.UsedNames(parent);
        if (r < 0.35) return ExprMutations.ReplaceOp(parent, rng, new ExprVocabulary(space.Unary, space.Binary, _ => X));
        if (r < 0.60) return ExprMutations.PerturbNumber(parent, rng, _ => true, constants: false);
        if (r < 0.75) return Unit(rng, parent, rng.Chance(0.5) ? X : parent, used);
        if (r < 0.90)
        {
            var xs = ExprPaths.All(parent).Where(p => ExprPaths.Get(parent, p) is VarExpr).ToList();
            return xs.Count == 0 ? null : ExprPaths.Replace(parent, rng.Pick(xs), Unit(rng, X, X, used));
        }
        return Random(rng);
    }

    public Expr? Crossover(Expr a, Expr b, Rng rng)
    {
        var donors = ExprPaths.All(b).Select(p => ExprPaths.Get(b, p)).Where(ExprMetrics.ContainsVariable).ToList();
        var donor = rng.Pick(donors);
        var used = ActivationLeaves.UsedNames(a);
        used.UnionWith(ActivationLeaves.UsedNames(donor));
        return Unit(rng, a, donor, used); // the family renames clashing learnables of the two parents

    }

    public bool Fits(Expr canonical) => true;

    public Expr Fallback => X;

    private Expr Unit(Rng rng, Expr z1, Expr z2, HashSet<string> used) => Binary(rng, Unary(rng, z1, used), Unary(rng, z2, used), used);

    private Expr Unary(Rng rng, Expr z, HashSet<string> used)
    {
        int templates = 6, choice = rng.NextInt(templates + space.Unary.Count);
        return choice switch
        {
            0 => z,
            1 => new UnaryExpr(UnaryOp.Neg, z),
            2 => new BinaryExpr(BinaryOp.Mul, ActivationLeaves.NewLearnable(used, 1), z),
            3 => new BinaryExpr(BinaryOp.Add, z, ActivationLeaves.NewLearnable(used, 0)),
            4 => new BinaryExpr(BinaryOp.Min, z, new ConstExpr(0)),
            5 => new UnaryExpr(UnaryOp.Exp, new UnaryExpr(UnaryOp.Neg, new UnaryExpr(UnaryOp.Square, z))),
            _ => new UnaryExpr(space.Unary[choice - templates], z),
        };
    }

    private Expr Binary(Rng rng, Expr p, Expr q, HashSet<string> used)
    {
        int templates = 4, choice = rng.NextInt(templates + space.Binary.Count);
        switch (choice)
        {
            case 0: return new BinaryExpr(BinaryOp.Mul, new UnaryExpr(UnaryOp.Sigmoid, p), q);
            case 1: return Kernel(ActivationLeaves.NewLearnable(used, 1), new UnaryExpr(UnaryOp.Square, new BinaryExpr(BinaryOp.Sub, p, q)));
            case 2: return Kernel(ActivationLeaves.NewLearnable(used, 1), new UnaryExpr(UnaryOp.Abs, new BinaryExpr(BinaryOp.Sub, p, q)));
            case 3:
                var b = ActivationLeaves.NewLearnable(used, 0.5);
                return new BinaryExpr(BinaryOp.Add, new BinaryExpr(BinaryOp.Mul, b, p),
                    new BinaryExpr(BinaryOp.Mul, new BinaryExpr(BinaryOp.Sub, new ConstExpr(1), b), q));
            default: return new BinaryExpr(space.Binary[choice - templates], p, q);
        }
    }

    // exp(-b * d): the Gaussian and Laplacian similarity binaries.
    private static Expr Kernel(LearnableExpr b, Expr distance) =>
        new UnaryExpr(UnaryOp.Exp, new UnaryExpr(UnaryOp.Neg, new BinaryExpr(BinaryOp.Mul, b, distance)));
}
