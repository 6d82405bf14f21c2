using Evaluators.Compile;
using Evaluators.Runtime;
using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;
using TorchSharp;

namespace Evaluators.Tests.Compile;

/// <summary>The compiled module must compute what the engine's double evaluator computes.</summary>
public class ActivationModuleTests
{
    private static readonly ActivationFamily Family = new();
    private static readonly double[] Probe = Enumerable.Range(0, 61).Select(i => -6.0 + i * 0.2 + 0.013).ToArray();

    public ActivationModuleTests() => TorchRuntime.EnsureReady(1);

    private static double[] Compiled(ActivationGenome g, double[] xs)
    {
        using var scope = torch.NewDisposeScope();
        using var module = new ActivationModule(g);
        var y = module.forward(torch.tensor(xs, torch.float64));
        return y.data<double>().ToArray();
    }

    private static void AssertMatches(ActivationGenome g, double tolerance = 1e-9)
    {
        var got = Compiled(g, Probe);
        for (int i = 0; i < Probe.Length; i++)
        {
            double want = g.Evaluate(Probe[i]);
            if (!double.IsFinite(want)) { Assert.False(double.IsFinite(got[i]) && Math.Abs(got[i]) < 1e6, $"{g.Text} at {Probe[i]}: want {want}, got {got[i]}"); continue; }
            Assert.True(Math.Abs(got[i] - want) <= tolerance * Math.Max(1, Math.Abs(want)), $"{g.Text} at x={Probe[i]}: engine {want}, compiled {got[i]}");
        }
    }

    [Theory]
    [InlineData("relu(x)")]
    [InlineData("gelu(x)")]
    [InlineData("x * sigmoid(@b(1) * x)")]
    [InlineData("relu(x) + @e(0.01) * x * exp(-(x^2) / 2)")]
    public void Reference_activations_match_the_engine(string text) => AssertMatches(Family.Parse(text));

    [Fact]
    public void Every_elementwise_unary_primitive_matches_the_engine()
    {
        foreach (var op in Family.Space.Unary)
            AssertMatches(Family.FromExpr(new UnaryExpr(op, new VarExpr("x"))), tolerance: 1e-7);
    }

    [Fact]
    public void Every_binary_primitive_with_constants_on_either_side_matches()
    {
        var x = new VarExpr("x");
        foreach (var op in Enum.GetValues<BinaryOp>())
        {
            AssertMatches(Family.FromExpr(new BinaryExpr(op, new UnaryExpr(UnaryOp.Sin, x), new ConstExpr(0.75))));
            AssertMatches(Family.FromExpr(new BinaryExpr(op, new ConstExpr(0.75), new UnaryExpr(UnaryOp.Tanh, x))));
            AssertMatches(Family.FromExpr(new BinaryExpr(op, new UnaryExpr(UnaryOp.Cos, x), new UnaryExpr(UnaryOp.Atan, x))));
        }
    }

    [Fact]
    public void Random_genomes_compile_to_the_same_function()
    {
        var rng = new Rng(11);
        for (int i = 0; i < 300; i++) AssertMatches(Family.Random(rng), tolerance: 1e-4); // learnables are float32 parameters; steep ops amplify that
    }

    [Fact]
    public void Learnable_scalars_are_parameters_that_receive_gradients()
    {
        using var scope = torch.NewDisposeScope();
        using var module = new ActivationModule(Family.Parse("relu(x) + @e(0.01) * x * exp(-(x^2) / 2)"));
        var p = Assert.Single(module.named_parameters());
        Assert.Equal("e", p.name);
        Assert.Equal(0.01, module.LearnedValues["e"], 6);
        module.forward(torch.linspace(-2, 2, 9)).sum().backward();
        Assert.NotEqual(0f, p.parameter.grad!.item<float>());
    }

    [Fact]
    public void Moving_the_module_to_another_dtype_keeps_using_its_parameters()
    {
        using var scope = torch.NewDisposeScope();
        using var module = new ActivationModule(Family.Parse("x * sigmoid(@b(1) * x)"));
        module.to(torch.float64);
        using (torch.no_grad()) module.get_parameter("b")!.fill_(2.0);
        var y = module.forward(torch.tensor(new[] { 1.5 }, torch.float64));
        Assert.Equal(torch.float64, y.dtype);
        Assert.Equal(1.5 / (1 + Math.Exp(-3.0)), y.item<double>(), 12);
    }

    [Fact]
    public void The_identity_genome_survives_a_sequential_that_disposes_layer_inputs()
    {
        using var scope = torch.NewDisposeScope();
        using var net = torch.nn.Sequential(("fc", torch.nn.Linear(3, 3)), ("act", new ActivationModule(Family.Parse("x"))), ("head", torch.nn.Linear(3, 2)));
        var y = net.forward(torch.ones(4, 3));
        Assert.Equal([4L, 2], y.shape);
    }
}
