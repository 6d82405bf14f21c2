using Search.Core;
using Search.Genomes.Expressions;

namespace Search.Genomes.NormAct;

/// <summary>
/// Paper-style random layers: starting from the inputs, add a few intermediate nodes, each a random
/// primitive over earlier nodes (recent x-dependent nodes preferred, so the graph stays connected);
/// the last node, always binary, is the output. Aggregates only take x-dependent operands.
/// </summary>
internal static class NormActGraphBuilder
{
    public static Expr Build(Rng rng, NormActSpace space)
    {
        int count = rng.NextInt(space.MinIntermediate, Math.Min(space.MaxIntermediate, space.MaxNodes) + 1);
        var dependent = new List<Expr> { NormActLeaves.X };
        var all = new List<Expr>(NormActLeaves.Inputs);
        Expr last = NormActLeaves.X;
        for (int i = 0; i < count; i++)
        {
            var main = rng.Chance(0.5) ? last : rng.Pick(dependent);
            double r = i == count - 1 ? 1 : rng.NextDouble(); // a binary output mixes x with what was computed
            Expr node;
            if (r < 0.3 && space.Aggregates.Count > 0) node = new UnaryExpr(rng.Pick(space.Aggregates), main);
            else if (r < 0.5 && space.Elementwise.Count > 0) node = new UnaryExpr(rng.Pick(space.Elementwise), main);
            else
            {
                var other = rng.Chance(0.15)
                    ? new ConstExpr(ExprVocabulary.RandomConstant(rng, space.ConstantMin, space.ConstantMax))
                    : rng.Pick(all);
                for (int retry = 0; retry < 3 && other.Equals(main); retry++) other = rng.Pick(all); // x - x says nothing
                node = rng.Chance(0.5) ? new BinaryExpr(rng.Pick(space.Binary), main, other) : new BinaryExpr(rng.Pick(space.Binary), other, main);
            }
            dependent.Add(node);
            all.Add(node);
            last = node;
        }
        return last;
    }
}
