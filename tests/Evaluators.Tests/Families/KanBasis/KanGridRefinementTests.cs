using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>RefineGrid keeps the layer's function on [-1, 1] and updates its shapes and text.</summary>
public class KanGridRefinementTests
{
    public KanGridRefinementTests() => TorchRuntime.EnsureReady(1);

    private static double MaxChange(KanLayerModule module, Action refine)
    {
        using var scope = NewDisposeScope();
        var x = linspace(-1, 1, 401, dtype: float64).unsqueeze(1).expand(401, module.InFeatures).contiguous();
        x = x.mul(linspace(1, -1, module.InFeatures, dtype: float64)); // nodes sweep the domain in different directions
        Tensor before;
        using (no_grad()) before = module.forward(x);
        refine();
        using (no_grad()) return module.forward(x).sub(before).abs().max().item<double>();
    }

    [Theory]
    [InlineData("bspline")]
    [InlineData("override")]
    [InlineData("select_bspline")]
    public void Refining_3_10_20_keeps_the_output_within_1e_3(string name)
    {
        manual_seed(7);
        var layer = KanTestLayers.ByName[name];
        var coarse = KanLayer.Create(Regrid(layer.Basis, 3), layer.Overrides);
        using var module = new KanLayerModule(coarse, 4, 3);
        module.to(float64);
        foreach (int grid in new[] { 10, 20 })
        {
            double change = MaxChange(module, () => module.RefineGrid(grid));
            Assert.True(change < 1e-3, $"{name}: grid {grid} moved the output by {change}");
        }
        Assert.Contains("grid=20", module.Layer.Text);
        Assert.DoesNotContain("grid=3", module.Layer.Text);
        var weight = module.named_parameters().Single(p => p.name is "spline_weight_0" or "select_weight_0").parameter;
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad);
    }

    [Fact]
    public void Refined_layer_trains_with_the_new_coefficients()
    {
        using var scope = NewDisposeScope();
        using var module = new KanLayerModule(KanLayer.Create(new BSplineBasis(3, 3)), 2, 2);
        module.RefineGrid(10);
        Assert.Equal([2L, 2, 13], module.get_parameter("spline_weight_0")!.shape);
        Assert.Equal(3, module.parameters().Count());
        module.forward(randn(5, 2)).sum().backward();
        Assert.True(module.get_parameter("spline_weight_0")!.grad!.abs().sum().item<float>() > 0);
        Assert.Equal("bspline(grid=10,order=3)", module.Layer.Text);
    }

    [Fact]
    public void A_layer_without_bspline_cannot_refine()
    {
        using var module = new KanLayerModule(KanTestLayers.ByName["chebyshev"], 2, 2);
        var e = Assert.Throws<InvalidOperationException>(() => module.RefineGrid(10));
        Assert.Contains("bspline", e.Message);
    }

    [Fact]
    public void Refit_matrix_reproduces_nested_grids_exactly()
    {
        using var scope = NewDisposeScope();
        // Grid 10 contains grid 5's knots, so every grid-5 spline is a grid-10 spline.
        var m = BSplineRefit.Matrix(5, 10, 3);
        var x = linspace(-1, 1, 77, dtype: float64).unsqueeze(1);
        var coarse = new BSplineFeatures(5, 3).Compute(x).squeeze(1);
        var fine = new BSplineFeatures(10, 3).Compute(x).squeeze(1);
        Assert.True(fine.matmul(m).sub(coarse).abs().max().item<double>() < 1e-8);
    }

    private static Basis Regrid(Basis basis, int grid) => basis switch
    {
        BSplineBasis b => b with { Grid = grid },
        SelectBasis s => SelectBasis.Create(s.Candidates.Select(c => Regrid(c, grid))),
        _ => basis,
    };
}
