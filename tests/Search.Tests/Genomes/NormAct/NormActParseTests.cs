using Search.Core;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Search.Tests.Genomes.NormAct;

public class NormActParseTests
{
    private readonly NormActFamily _family = new();
    private static readonly VarExpr X = new("x");
    private static readonly LearnableExpr V1 = new("v1", 1), Gamma = new("gamma", 1), Beta = new("beta", 0);

    private static Expr U(UnaryOp op, Expr a) => new UnaryExpr(op, a);
    private static Expr B(BinaryOp op, Expr a, Expr b) => new BinaryExpr(op, a, b);
    private static Expr Affine(Expr normalized) => B(BinaryOp.Add, B(BinaryOp.Mul, normalized, Gamma), Beta);

    [Fact]
    public void Bn_relu_is_the_reference_formula()
    {
        var genome = _family.Parse("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)");
        var reference = B(BinaryOp.Max,
            Affine(B(BinaryOp.Div, B(BinaryOp.Sub, X, U(UnaryOp.BatchMean, X)), U(UnaryOp.BatchStd, X))), new ConstExpr(0));
        Assert.Equal(_family.FromExpr(reference), genome);
        Assert.Equal("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)", genome.Text);
        Assert.Equal(7, genome.NodeCount);
    }

    [Fact]
    public void Groupnorm_relu_is_the_reference_formula()
    {
        var genome = _family.Parse("max((x - group_mean(x)) / group_std(x) * gamma + beta, 0)");
        var reference = B(BinaryOp.Max,
            Affine(B(BinaryOp.Div, B(BinaryOp.Sub, X, U(UnaryOp.GroupMean, X)), U(UnaryOp.GroupStd, X))), new ConstExpr(0));
        Assert.Equal(_family.FromExpr(reference), genome);
        Assert.Equal((Moment.Std, AggregateAxes.Group), UnaryOp.GroupStd.Decompose());
    }

    [Fact]
    public void Evonorm_b0_is_the_reference_formula()
    {
        var genome = _family.Parse("x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta");
        var reference = Affine(B(BinaryOp.Div, X,
            B(BinaryOp.Max, U(UnaryOp.BatchStd, X), B(BinaryOp.Add, B(BinaryOp.Mul, V1, X), U(UnaryOp.InstanceStd, X)))));
        Assert.Equal(_family.FromExpr(reference), genome);
        Assert.Equal("x / max(batch_std(x), instance_std(x) + x * v1) * gamma + beta", genome.Text);
        Assert.Equal(8, genome.NodeCount);
        Assert.Equal(new Dictionary<string, double> { ["v1"] = 1, ["gamma"] = 1, ["beta"] = 0 }, genome.Parameters);
    }

    [Fact]
    public void Evonorm_s0_is_the_reference_formula()
    {
        var genome = _family.Parse("x * sigmoid(v1 * x) / group_std(x) * gamma + beta");
        var reference = Affine(B(BinaryOp.Div, B(BinaryOp.Mul, X, U(UnaryOp.Sigmoid, B(BinaryOp.Mul, V1, X))), U(UnaryOp.GroupStd, X)));
        Assert.Equal(_family.FromExpr(reference), genome);
        Assert.Equal("x * sigmoid(x * v1) / group_std(x) * gamma + beta", genome.Text);
        Assert.True(_family.IsWithinLimits(genome));
    }

    [Fact]
    public void Shared_subtrees_are_one_node_in_the_graph_and_written_out_in_the_text()
    {
        var genome = _family.Parse("instance_mean(x * v1) * sigmoid(instance_mean(x * v1)) + instance_mean(x * v1)");
        Assert.Equal(3, genome.Text.Split("instance_mean(x * v1)").Length - 1);
        // x * v1, instance_mean, sigmoid, *, + : each once.
        Assert.Equal(5, genome.NodeCount);
        var mean = genome.Nodes.Single(n => n is UnaryExpr { Op: UnaryOp.InstanceMean });
        var uses = genome.Nodes.Count(n => n.Children.Any(c => ReferenceEquals(c, mean)));
        Assert.Equal(3, uses); // sigmoid, the product and the sum all point at the one interned node
        Assert.Same(genome.Nodes[^1], genome.Root);
    }

    [Theory]
    [InlineData("x * sigmoid(x) + 0.5 * 2", "x * sigmoid(x) + 1")]
    [InlineData("beta + x * gamma", "x * gamma + beta")]
    [InlineData("max(0, x) ", "max(x, 0)")]
    [InlineData("max(x, x)", "x")]
    [InlineData("-(3) * x", "-3 * x")]
    [InlineData("x^2 + sqrt(x) + log(x)", "log(x) + sqrt(x) + x^2")]
    public void Canonical_forms(string text, string expected) => Assert.Equal(expected, _family.Parse(text).Text);

    [Fact]
    public void Signed_log_and_sqrt_fold_with_their_documented_math()
    {
        Assert.Equal("x + -2", _family.Parse("x + sqrt(-4)").Text);
        Assert.Equal("x", _family.Parse("x + log(-1) + log(0)").Text); // sign(a)*ln|a| is -0 at -1 and defined 0 at 0
        Assert.Equal("x * gamma + -2", _family.Parse("x * gamma + log(-1 / exp(2)) * -1").Text); // sign(-)*ln(e^-2) = 2
    }

    [Theory]
    [InlineData("batch_var(x)", 0, "unknown function 'batch_var'; known: abs, batch_m2, batch_mean, batch_std")]
    [InlineData("x * v2", 4, "unknown name 'v2'; known: beta, gamma, v0, v1, x")]
    [InlineData("x * @b(1)", 4, "no '@' learnables in this family")]
    [InlineData("x^3", 2, "exponent 2")]
    [InlineData("max(x, 0", 8, "')'")]
    [InlineData("(x + 1", 6, "')'")]
    public void Parse_errors_name_position_and_expectation(string text, int position, string expected)
    {
        var error = Assert.Throws<GenomeParseException>(() => _family.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected);
    }
}
