using CsCheck;
using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Search.Tests.Genomes.Expressions;

/// <summary>The core on raw (non-canonical) random trees of both vocabularies.</summary>
public class PrinterParserPropertyTests
{
    public const int Iterations = 3000;

    public static TheoryData<string> Sets => ["activation", "norm-act"];

    private static PrimitiveSet SetOf(string name) => name == "activation" ? ActivationPrimitives.Set : NormActPrimitives.Set;

    // Every op of the set, leaves x, non-negative constants and the set's learnables (a negative
    // constant would print as '-c' and parse back as neg(c), which only canonicalisation equates).
    private static Expr RandomTree(PrimitiveSet set, Rng rng)
    {
        var learnables = set.InlineLearnables
            ? new List<Expr> { new LearnableExpr("b", 1), new LearnableExpr("c", -0.5) }
            : set.FixedLearnables.Select(kv => (Expr)new LearnableExpr(kv.Key, kv.Value)).ToList();
        var vocabulary = new ExprVocabulary(set.UnaryOps, set.BinaryOps, r =>
            r.NextDouble() switch
            {
                < 0.5 => new VarExpr(set.Variable),
                < 0.75 => new ConstExpr(Math.Abs(ExprVocabulary.RandomConstant(r, -3, 3))),
                _ => r.Pick(learnables),
            });
        return ExprGenerator.Grow(rng, vocabulary, rng.NextInt(1, 7));
    }

    [Theory, MemberData(nameof(Sets))]
    public void Print_then_parse_gives_back_the_raw_tree(string setName)
    {
        var set = SetOf(setName);
        Gen.ULong.Sample(seed =>
        {
            var tree = RandomTree(set, new Rng(seed));
            string text = ExprPrinter.Print(tree, set);
            Assert.Equal(tree, ExprParser.Parse(text, set));
        }, iter: Iterations);
    }

    [Theory, MemberData(nameof(Sets))]
    public void Canonicalisation_is_idempotent_and_survives_printing(string setName)
    {
        var set = SetOf(setName);
        Gen.ULong.Sample(seed =>
        {
            var canonical = Canonicalizer.Canonicalize(RandomTree(set, new Rng(seed)), set);
            Assert.Equal(canonical, Canonicalizer.Canonicalize(canonical, set));
            string text = ExprPrinter.Print(canonical, set);
            Assert.Equal(canonical, Canonicalizer.Canonicalize(ExprParser.Parse(text, set), set));
            Assert.Equal(text, ExprPrinter.Print(ExprParser.Parse(text, set), set));
        }, iter: Iterations);
    }

    [Fact]
    public void Canonical_trees_have_no_foldable_constant_subtree()
    {
        var set = ActivationPrimitives.Set;
        Gen.ULong.Sample(seed =>
        {
            var canonical = Canonicalizer.Canonicalize(RandomTree(set, new Rng(seed)), set);
            foreach (var node in ExprMetrics.DistinctNodes(canonical))
                if (node is UnaryExpr or BinaryExpr && node.Children.All(c => c is ConstExpr))
                    Assert.False(double.IsFinite(ScalarEvaluator.Evaluate(node, 0, _ => 0)), $"unfolded {ExprPrinter.Print(node, set)}");
        }, iter: Iterations);
    }
}
