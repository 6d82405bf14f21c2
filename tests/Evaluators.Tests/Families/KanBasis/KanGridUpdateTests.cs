using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>UpdateGrid moves each bspline node's domain to its samples and keeps the layer's function on them.</summary>
public class KanGridUpdateTests
{
    public KanGridUpdateTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Domain_follows_the_samples_per_node_with_the_margin()
    {
        using var scope = NewDisposeScope();
        using var module = new KanLayerModule(KanLayer.Create(new BSplineBasis(5, 3)), 2, 3);
        module.to(float64);
        var x = stack([linspace(0.3, 1.2, 200, dtype: float64), linspace(-0.5, 0.1, 200, dtype: float64)], 1);
        module.UpdateGrid(x);
        var low = module.get_buffer("grid_low_0")!.data<double>().ToArray();
        var high = module.get_buffer("grid_high_0")!.data<double>().ToArray();
        double m = KanLayerModule.DomainMargin;
        Assert.Equal(0.3 - m * 0.9, low[0], 12);
        Assert.Equal(1.2 + m * 0.9, high[0], 12);
        Assert.Equal(-0.5 - m * 0.6, low[1], 12);
        Assert.Equal(0.1 + m * 0.6, high[1], 12);
    }

    [Fact]
    public void The_output_on_the_samples_barely_moves()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var module = new KanLayerModule(KanLayer.Create(new BSplineBasis(10, 3)), 3, 2);
        module.to(float64);
        using (no_grad()) module.get_parameter("spline_weight_0")!.normal_(0, 1); // a wiggly function, not the small init
        var x = rand(500, 3, dtype: float64).mul(0.8).sub(0.6); // inside [-1, 1]: the old function has no clamp there
        Tensor before;
        using (no_grad()) before = module.forward(x);
        module.UpdateGrid(x);
        using (no_grad())
        {
            double change = module.forward(x).sub(before).abs().max().item<double>();
            double scale = before.abs().max().item<double>();
            Assert.True(change < 1e-2 * scale, $"grid update moved the output by {change} (scale {scale})");
        }
    }

    [Fact]
    public void A_constant_node_keeps_its_domain_and_other_bases_are_untouched()
    {
        using var scope = NewDisposeScope();
        var layer = KanLayer.Create(new BSplineBasis(5, 3), [new KanNodeOverride(1, new ChebyshevBasis(3))]);
        using var module = new KanLayerModule(layer, 3, 2);
        var cheb = module.named_parameters().First(p => p.name.EndsWith("_1")).parameter;
        var chebBefore = cheb.clone();
        var x = stack([full(50, 0.25f), linspace(-1, 1, 50), linspace(-0.2f, 0.2f, 50)], 1);
        module.UpdateGrid(x);
        var low = module.get_buffer("grid_low_0")!.data<float>().ToArray();
        Assert.Equal(-1f, low[0]); // node 0 is constant in the samples: no range to move to
        Assert.True(low[1] > -0.3f); // node 2 (second of the bspline group) moved
        Assert.True(module.named_parameters().First(p => p.name.EndsWith("_1")).parameter.equal(chebBefore).all().item<bool>());
    }

    [Fact]
    public void A_network_update_gives_each_layer_the_range_of_its_own_input()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var genome = KanBasisParser.Parse(new KanSpace(), "bspline(grid=5,order=3) | bspline(grid=5,order=3)");
        using var model = new LinearSlotNet(2).Build([2], 1, new KanGenomeSlot(genome));
        var x = rand(100, 2).mul(2).sub(1);
        SampleAdaptation.AdaptTo(model, x);
        var layers = model.modules().OfType<KanLayerModule>().ToArray();
        Tensor hidden;
        using (no_grad()) hidden = layers[0].forward(x);
        var low = layers[1].get_buffer("grid_low_0")!;
        var high = layers[1].get_buffer("grid_high_0")!;
        var range = hidden.amax(0).sub(hidden.amin(0));
        Assert.True(low.sub(hidden.amin(0).sub(range.mul(KanLayerModule.DomainMargin))).abs().max().item<float>() < 1e-5);
        Assert.True(high.sub(hidden.amax(0).add(range.mul(KanLayerModule.DomainMargin))).abs().max().item<float>() < 1e-5);
    }
}
