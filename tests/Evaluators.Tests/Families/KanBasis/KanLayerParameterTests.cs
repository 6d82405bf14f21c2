using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>Parameter counts of the published layers, parameter names and shapes, and construction errors.</summary>
public class KanLayerParameterTests
{
    public KanLayerParameterTests() => TorchRuntime.EnsureReady(1);

    private static long Count(Basis basis, params int[] widths)
    {
        long total = 0;
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            using var layer = new KanLayerModule(KanLayer.Create(basis), widths[l], widths[l + 1]);
            total += layer.parameters().Sum(p => p.numel());
        }
        return total;
    }

    [Fact]
    public void Efficient_kan_784_64_10_has_508160_parameters() =>
        Assert.Equal(508_160, Count(new BSplineBasis(5, 3), 784, 64, 10));

    [Fact]
    public void Fast_kan_784_64_10_has_459114_parameters() =>
        Assert.Equal(459_114, Count(new RbfBasis(8, 1, 2), 784, 64, 10));

    private static Dictionary<string, long[]> Shapes(KanLayer layer, int inFeatures = 5, int outFeatures = 3)
    {
        using var module = new KanLayerModule(layer, inFeatures, outFeatures);
        return module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
    }

    [Fact]
    public void Bspline_layer_has_base_weight_spline_weight_and_scaler()
    {
        var shapes = Shapes(KanTestLayers.ByName["bspline"]);
        Assert.Equal(["base_weight", "spline_scaler_0", "spline_weight_0"], shapes.Keys.Order());
        Assert.Equal([3L, 5], shapes["base_weight"]);
        Assert.Equal([3L, 5, 8], shapes["spline_weight_0"]);
        Assert.Equal([3L, 5], shapes["spline_scaler_0"]);
    }

    [Fact]
    public void Rbf_layer_has_layer_norm_and_a_base_bias()
    {
        var shapes = Shapes(KanTestLayers.ByName["rbf"]);
        Assert.Equal(["base_bias", "base_weight", "ln_bias_0", "ln_weight_0", "rbf_weight_0"], shapes.Keys.Order());
        Assert.Equal([3L], shapes["base_bias"]);
        Assert.Equal([5L], shapes["ln_weight_0"]);
        Assert.Equal([3L, 5, 8], shapes["rbf_weight_0"]);
    }

    [Fact]
    public void Rational_layer_shares_coefficients_per_group_and_starts_as_the_identity()
    {
        using var module = new KanLayerModule(KanTestLayers.ByName["rational_2groups"], 5, 3);
        var p = module.named_parameters().ToDictionary(q => q.name, q => q.parameter);
        Assert.Equal(["base_weight", "denominator_0", "numerator_0", "rational_weight_0"], p.Keys.Order());
        Assert.Equal([2L, 4], p["numerator_0"].shape);
        Assert.Equal([2L, 2], p["denominator_0"].shape);
        Assert.Equal([3L, 5, 1], p["rational_weight_0"].shape);
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 1, 0, 0 }, p["numerator_0"].data<float>().ToArray());
        Assert.Equal(0f, p["denominator_0"].abs().max().item<float>());
    }

    [Fact]
    public void Select_and_overrides_name_groups_by_first_node_and_candidates_by_index()
    {
        var select = Shapes(KanTestLayers.ByName["select"]);
        // Candidates sorted by text: chebyshev(degree=3) (4 features), rbf(centers=6,...) (6 features).
        Assert.Equal(["base_bias", "base_weight", "ln_bias_0_1", "ln_weight_0_1", "select_logits_0", "select_weight_0"], select.Keys.Order());
        Assert.Equal([5L, 2], select["select_logits_0"]);
        Assert.Equal([3L, 5, 10], select["select_weight_0"]);

        var overrides = Shapes(KanTestLayers.ByName["overrides"]);
        // Node 0: rbf (group 0, nodes 0 and 4); nodes 1, 2: chebyshev (group 1); node 3: rational (group 2).
        Assert.Equal(["base_bias", "base_weight", "chebyshev_weight_1", "denominator_2", "ln_bias_0", "ln_weight_0",
            "numerator_2", "rational_weight_2", "rbf_weight_0"], overrides.Keys.Order());
        Assert.Equal([3L, 2, 8], overrides["rbf_weight_0"]);
        Assert.Equal([3L, 2, 5], overrides["chebyshev_weight_1"]);
        Assert.Equal([3L, 1, 1], overrides["rational_weight_2"]);
    }

    [Fact]
    public void Groups_list_their_nodes()
    {
        using var module = new KanLayerModule(KanTestLayers.ByName["overrides"], 5, 3);
        Assert.Equal([[0, 4], [1, 2], [3]], module.Groups.Select(g => g.Nodes.ToArray()).ToArray());
        Assert.Equal(["rbf", "chebyshev", "rational"], module.Groups.Select(g => g.Basis.Text.Split('(')[0]).ToArray());
    }

    [Fact]
    public void Override_beyond_the_inputs_is_an_argument_error_naming_the_node()
    {
        var layer = KanLayer.Create(new BSplineBasis(), [new KanNodeOverride(7, new FourierBasis())]);
        var e = Assert.Throws<ArgumentException>(() => new KanLayerModule(layer, 5, 3));
        Assert.Contains("node 7", e.Message);
    }

    [Fact]
    public void Initial_scales_follow_the_published_inits()
    {
        manual_seed(3);
        using var module = new KanLayerModule(KanTestLayers.ByName["bspline"], 400, 300);
        var p = module.named_parameters().ToDictionary(q => q.name, q => q.parameter);
        double bound = 1 / Math.Sqrt(400);
        Assert.InRange(p["base_weight"].abs().max().item<float>(), 0.99 * bound, bound);
        Assert.InRange(p["spline_scaler_0"].abs().max().item<float>(), 0.99 * bound, bound);
        Assert.InRange(p["spline_weight_0"].std().item<float>(), 0.095 / 20, 0.105 / 20);

        using var cheby = new KanLayerModule(KanTestLayers.ByName["chebyshev"], 400, 300);
        Assert.InRange(cheby.get_parameter("chebyshev_weight_0")!.std().item<float>(), 0.95 / 2000, 1.05 / 2000);
    }
}
