using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>Feature values by hand, and the README's pains: out-of-grid inputs, large |x|, Q >= 1, LayerNorm on one node.</summary>
public class KanFeatureTests
{
    public KanFeatureTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [InlineData(5, 3)]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(4, 5)]
    public void Bspline_features_sum_to_one_inside_the_grid(int grid, int order)
    {
        using var scope = NewDisposeScope();
        var x = linspace(-1, 1, 201, dtype: float64).reshape(67, 3);
        var f = new BSplineFeatures(grid, order).Compute(x);
        Assert.Equal([67L, 3, grid + order], f.shape);
        // float64 rounding of the Cox-de Boor recursion: about 1e-15 on some CPUs, up to 1e-11 with others' kernels.
        double error = f.sum(-1).sub(1).abs().max().item<double>();
        Assert.True(error < 1e-9, $"partition of unity off by {error}");
        double lowest = f.min().item<double>();
        Assert.True(lowest >= -1e-12, $"a basis value of {lowest}: B-splines are non-negative up to rounding");
    }

    [Fact]
    public void Bspline_features_match_hand_values()
    {
        using var scope = NewDisposeScope();
        // Cubic B-splines at a knot: 1/6, 2/3, 1/6; x = -1 is knot t_3 of the G=5, k=3 grid.
        var cubic = new BSplineFeatures(5, 3).Compute(tensor(new[] { -1.0 }, dtype: float64).reshape(1, 1));
        AssertValues([1 / 6.0, 2 / 3.0, 1 / 6.0, 0, 0, 0, 0, 0], cubic);
        // Hats on knots -2, -1, 0, 1, 2 (G=2, k=1): at 0.25, 0.75 of the hat at 0 and 0.25 of the hat at 1.
        var hats = new BSplineFeatures(2, 1).Compute(tensor(new[] { 0.25 }, dtype: float64).reshape(1, 1));
        AssertValues([0, 0.75, 0.25], hats);
    }

    private static void AssertValues(double[] expected, Tensor actual)
    {
        var values = actual.data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], 1e-12);
    }

    [Theory]
    [InlineData("bspline")]
    [InlineData("relu_kan")]
    [InlineData("af_kan")]
    public void Outside_the_grid_the_basis_branch_holds_its_boundary_value_and_the_base_branch_continues(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var module = new KanLayerModule(KanTestLayers.ByName[name], 1, 2);
        module.to(float64);
        var w = module.get_parameter("base_weight")!;
        var xs = tensor(new[] { -5.0, -1.0, 1.0, 3.0 }, dtype: float64).reshape(4, 1);
        // Basis branch alone = output - silu(x) base_weight^T.
        var basis = module.forward(xs).sub(nn.functional.silu(xs).matmul(w.t()));
        Assert.True(basis[0].sub(basis[1]).abs().max().item<double>() < 1e-12, "below the grid");
        Assert.True(basis[3].sub(basis[2]).abs().max().item<double>() < 1e-12, "above the grid");
        Assert.True(basis[1].sub(basis[2]).abs().max().item<double>() > 1e-6, "the branch should depend on x inside the grid");
        var y = module.forward(xs);
        Assert.True(y[3].sub(y[2]).abs().max().item<double>() > 1e-3, "the base branch should still move outside the grid");
    }

    [Fact]
    public void Chebyshev_is_finite_with_finite_gradients_at_large_inputs()
    {
        using var scope = NewDisposeScope();
        using var module = new KanLayerModule(KanLayer.Create(new ChebyshevBasis(8)), 3, 2);
        var x = tensor(new[] { -1e4f, 50f, 1e30f, 0f, 20f, -30f }).reshape(2, 3).requires_grad_(true);
        var y = module.forward(x);
        y.sum().backward();
        Assert.True(y.isfinite().all().item<bool>());
        Assert.True(x.grad!.isfinite().all().item<bool>());
        Assert.True(module.get_parameter("chebyshev_weight_0")!.grad!.isfinite().all().item<bool>());
    }

    [Fact]
    public void Rational_denominator_stays_at_least_one_with_negative_coefficients()
    {
        using var scope = NewDisposeScope();
        using var module = new KanLayerModule(KanLayer.Create(new RationalBasis(2, 3, 1)), 1, 1);
        module.to(float64);
        using (no_grad())
        {
            module.get_parameter("numerator_0")!.copy_(tensor(new[] { 1.0, 0, 0 }, dtype: float64).reshape(1, 3)); // P = 1
            module.get_parameter("denominator_0")!.copy_(tensor(new[] { -0.5, -2.0, -1.5 }, dtype: float64).reshape(1, 3));
        }
        var x = linspace(-4, 4, 81, dtype: float64).reshape(81, 1);
        var features = ((RationalFeatures)module.Groups[0].Features).Compute(x).reshape(81); // 1 / Q
        var q = features.reciprocal();
        var ax = x.squeeze(-1).abs();
        var expected = ax.mul(0.5).add(ax.square().mul(2)).add(ax.pow(3).mul(1.5)).add(1);
        Assert.True(q.sub(expected).div(expected).abs().max().item<double>() < 1e-12, "Q = 1 + sum |b_j| |x|^j");
        Assert.True(q.min().item<double>() >= 1.0);
    }

    [Fact]
    public void Rational_starts_as_the_identity()
    {
        using var scope = NewDisposeScope();
        var features = new RationalFeatures(new RationalBasis(5, 4, 2), 3, "_0", new TestParameters());
        var x = randn(4, 3);
        Assert.True(features.Compute(x).squeeze(-1).sub(x).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void Rbf_layer_with_one_input_depends_on_x_and_trains_its_coefficients()
    {
        using var scope = NewDisposeScope();
        manual_seed(6);
        using var module = new KanLayerModule(KanTestLayers.ByName["rbf"], 1, 2);
        var x = linspace(-1.5, 1.5, 9).reshape(9, 1);
        var y = module.forward(x);
        var basis = y.sub(nn.functional.silu(x).matmul(module.get_parameter("base_weight")!.t()));
        Assert.True(basis.std(0).min().item<float>() > 1e-4, "the RBF branch should vary with x");
        y.square().sum().backward();
        foreach (var name in new[] { "rbf_weight_0", "ln_weight_0", "ln_bias_0" })
            Assert.True(module.get_parameter(name)!.grad!.abs().sum().item<float>() > 0, $"{name} got no gradient");
    }
}
