using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Search.Tests.Genomes.Expressions;

public class CoreUnitTests
{
    private static readonly PrimitiveSet Set = ActivationPrimitives.Set;

    [Fact]
    public void Tokenizer_reads_exponents_and_positions()
    {
        var tokens = Tokenizer.Tokenize("1.5E-05*@b (2)");
        Assert.Equal([TokenKind.Number, TokenKind.Star, TokenKind.At, TokenKind.Ident, TokenKind.LParen, TokenKind.Number, TokenKind.RParen, TokenKind.End],
            tokens.Select(t => t.Kind));
        Assert.Equal(1.5e-5, tokens[0].Number);
        Assert.Equal(11, tokens[4].Position);
    }

    [Fact]
    public void Too_large_numbers_are_a_parse_error()
    {
        var error = Assert.Throws<GenomeParseException>(() => ExprParser.Parse("x + 1e999", Set));
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void Absurd_nesting_is_a_parse_error_not_a_crash()
    {
        Assert.Throws<GenomeParseException>(() => ExprParser.Parse(new string('(', 100_000) + "x" + new string(')', 100_000), Set));
        Assert.Throws<GenomeParseException>(() => ExprParser.Parse(new string('-', 100_000) + "x", Set));
        Assert.Throws<GenomeParseException>(() => ExprParser.Parse(string.Join(" + ", Enumerable.Repeat("x", 100_000)), Set));
        Assert.Equal(new VarExpr("x"), ExprParser.Parse(new string('(', 100) + "x" + new string(')', 100), Set));
    }

    [Fact]
    public void Precedence_and_associativity()
    {
        Assert.Equal(new BinaryExpr(BinaryOp.Sub, new BinaryExpr(BinaryOp.Sub, new VarExpr("x"), new ConstExpr(1)), new ConstExpr(2)),
            ExprParser.Parse("x - 1 - 2", Set));
        Assert.Equal(new UnaryExpr(UnaryOp.Neg, new UnaryExpr(UnaryOp.Square, new VarExpr("x"))), ExprParser.Parse("-x^2", Set));
        Assert.Equal("x - (1 - x)", ExprPrinter.Print(ExprParser.Parse("x - (1 - x)", Set), Set));
        Assert.Equal("x / (2 * x)", ExprPrinter.Print(ExprParser.Parse("x / (2 * x)", Set), Set));
        Assert.Equal("-(x + 1)", ExprPrinter.Print(ExprParser.Parse("-(x + 1)", Set), Set));
    }

    [Fact]
    public void Canonicalisation_interns_equal_subtrees()
    {
        var canonical = Canonicalizer.Canonicalize(ExprParser.Parse("sin(x * 2) + cos(2 * x)", Set), Set);
        var b = (BinaryExpr)canonical;
        Assert.Same(((UnaryExpr)b.Left).Operand, ((UnaryExpr)b.Right).Operand);
        Assert.Equal(4, ExprMetrics.OpNodeCount(canonical));
    }

    [Fact]
    public void Conflicting_learnables_are_renamed_apart()
    {
        var joined = new BinaryExpr(BinaryOp.Add,
            new BinaryExpr(BinaryOp.Mul, new LearnableExpr("b", 1), new VarExpr("x")),
            new BinaryExpr(BinaryOp.Mul, new LearnableExpr("b", 2), new LearnableExpr("b", 1)));
        var resolved = LearnableNames.ResolveConflicts(joined);
        Assert.Equal(new Dictionary<string, double> { ["b"] = 1, ["b2"] = 2 }, ExprMetrics.Learnables(resolved));
        Assert.False(ExprMetrics.HasConflictingLearnables(resolved));
        Assert.True(ExprMetrics.HasConflictingLearnables(joined));
    }

    [Fact]
    public void Aggregates_decompose_into_moment_and_axes()
    {
        foreach (var op in AggregateInfo.All)
        {
            var (moment, axes) = op.Decompose();
            Assert.Equal(op, AggregateInfo.Compose(moment, axes));
        }
        Assert.Equal((Moment.SecondMoment, AggregateAxes.Instance), UnaryOp.InstanceM2.Decompose());
        Assert.False(UnaryOp.Sigmoid.IsAggregate());
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(-2.0, -0.9953222650189527)]
    [InlineData(3.5, 0.9999992569016276)]
    public void Erf_matches_reference_values(double x, double expected) => Assert.Equal(expected, ScalarMath.Erf(x), 1e-15);

    [Fact]
    public void Paths_address_and_replace_subtrees()
    {
        var tree = ExprParser.Parse("sin(x) + 2 * x", Set);
        var paths = ExprPaths.All(tree);
        Assert.Equal(ExprMetrics.TreeSize(tree), paths.Count);
        Assert.Equal(new ConstExpr(2), ExprPaths.Get(tree, [1, 0]));
        Assert.Equal("sin(x) + 3 * x", ExprPrinter.Print(ExprPaths.Replace(tree, [1, 0], new ConstExpr(3)), Set));
    }

    [Fact]
    public void Trees_built_in_code_are_checked_against_the_family_vocabulary()
    {
        var x = new VarExpr("x");
        var activation = new ActivationFamily();
        var normAct = new NormActFamily();
        Assert.Equal("x * sigmoid(@b(1) * x)", activation.FromExpr(new BinaryExpr(BinaryOp.Mul,
            new UnaryExpr(UnaryOp.Sigmoid, new BinaryExpr(BinaryOp.Mul, x, new LearnableExpr("b", 1))), x)).Text);
        Assert.Throws<ArgumentException>(() => activation.FromExpr(new UnaryExpr(UnaryOp.BatchMean, x)));
        Assert.Throws<ArgumentException>(() => activation.FromExpr(new BinaryExpr(BinaryOp.Mul, new LearnableExpr("bad name", 1), x)));
        Assert.Throws<ArgumentException>(() => activation.FromExpr(new BinaryExpr(BinaryOp.Add, new ConstExpr(double.NaN), x)));
        Assert.Throws<ArgumentException>(() => activation.FromExpr(new BinaryExpr(BinaryOp.Add,
            new LearnableExpr("b", 1), new BinaryExpr(BinaryOp.Mul, new LearnableExpr("b", 2), x))));
        Assert.Throws<ArgumentException>(() => normAct.FromExpr(new BinaryExpr(BinaryOp.Mul, new LearnableExpr("gamma", 2), x)));
        Assert.Throws<ArgumentException>(() => normAct.FromExpr(new BinaryExpr(BinaryOp.Mul, new LearnableExpr("b", 1), x)));
        Assert.Throws<ArgumentException>(() => normAct.FromExpr(new UnaryExpr(UnaryOp.Gelu, x)));
    }
}
