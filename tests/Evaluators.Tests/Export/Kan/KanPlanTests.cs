using Evaluators.Families.KanBasis;
using Evaluators.Families.KanBasis.Export;
using Evaluators.Runtime;
using Evaluators.Tests.Families.KanBasis;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Kan;

/// <summary>The export's plan of a layer is what KanLayerModule builds: parameter and buffer names, order and shapes, feature counts, initial draws.</summary>
public class KanPlanTests
{
    public KanPlanTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [MemberData(nameof(KanTestLayers.Names), MemberType = typeof(KanTestLayers))]
    public void Plan_names_orders_and_shapes_parameters_as_the_module_registers_them(string name)
    {
        foreach (var (inputs, outputs) in new[] { (5, 3), (7, 2), (6, 1) })
        {
            var layer = KanLayerPlan.Effective(KanTestLayers.ByName[name], inputs);
            using var module = new KanLayerModule(layer, inputs, outputs);
            var plan = KanLayerPlan.Of(layer);
            Assert.Equal(module.named_parameters().Select(p => $"{p.name} [{string.Join(",", p.parameter.shape)}]"),
                plan.Parameters.Select(p => $"{p.Name} [{string.Join(",", plan.Shape(p, inputs, outputs))}]"));
            Assert.Equal(module.named_buffers().Select(b => $"{b.name} [{string.Join(",", b.buffer.shape)}] {(b.buffer.eq(-1).all().item<bool>() ? -1 : 1)}"),
                plan.Buffers.Select(b => $"{b.Name} [{string.Join(",", plan.Shape(b, inputs, outputs))}] {(b.Init == KanInitKind.MinusOnes ? -1 : 1)}"));
            Assert.Equal(module.Groups.Select(g => (g.Index, g.Basis.Text, string.Join(",", g.Nodes))),
                plan.Groups.Select(g => (g.Index, g.Basis.Text, string.Join(",", plan.NodesOf(g, inputs)))));
            Assert.All(module.Groups, g => Assert.Equal(g.Features.Count, KanBasisFacts.Features(g.Basis)));
        }
    }

    [Fact]
    public void A_layer_whose_overrides_take_every_node_is_planned_as_the_module_groups_it()
    {
        var layer = KanLayer.Create(new ChebyshevBasis(2), [new(0, new FourierBasis(2)), new(1, new RbfBasis()), new(2, new FourierBasis(2))]);
        var effective = KanLayerPlan.Effective(layer, 3);
        Assert.Equal("fourier(freq=2){1:rbf(centers=8,width=1,range=2)}", effective.Text);
        using var module = new KanLayerModule(layer, 3, 2);
        var plan = KanLayerPlan.Of(effective);
        Assert.Equal(module.named_parameters().Select(p => p.name), plan.Parameters.Select(p => p.Name));
        Assert.Same(layer, KanLayerPlan.Effective(layer, 4));
        Assert.Contains("node 2", Assert.Throws<ArgumentException>(() => KanLayerPlan.Effective(layer, 2)).Message);
    }

    [Fact]
    public void Group_order_follows_the_first_node_when_an_override_takes_node_zero()
    {
        var plan = KanLayerPlan.Of(KanLayer.Create(new BSplineBasis(5, 3), [new(0, new RbfBasis()), new(2, new RbfBasis())]));
        Assert.Equal(["rbf_weight_0", "spline_weight_1"], plan.Groups.Select(g => g.WeightName));
        Assert.Equal(3, plan.MinInputs);
    }

    // The generated code draws W as randn * scale (uniform for rational): the same draws, from the same seed, as the features.
    [Theory]
    [MemberData(nameof(KanTestLayers.Names), MemberType = typeof(KanTestLayers))]
    public void Weight_pieces_draw_what_the_features_draw(string name)
    {
        var basis = KanTestLayers.ByName[name].Basis;
        var features = KanFeatureFactory.Create(basis, 4, "_0", new TestParameters());
        using var scope = NewDisposeScope();
        const int inputs = 6;
        manual_seed(3);
        var want = features.InitialWeight(3, 4, inputs);
        manual_seed(3);
        var pieces = KanBasisFacts.WeightPieces(basis).Select(p => p.Uniform
            ? empty(3, 4, p.Count).uniform_(-1 / Math.Sqrt(inputs), 1 / Math.Sqrt(inputs))
            : randn(3, 4, p.Count).mul(p.Numerator / (p.Root ? Math.Sqrt(inputs * p.Multiplier) : inputs * p.Multiplier))).ToList();
        KanTorchSharpExportTests.AssertClose(want, cat(pieces, -1), name, 1e-6);
    }
}
