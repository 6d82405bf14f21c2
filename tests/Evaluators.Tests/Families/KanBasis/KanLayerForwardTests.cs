using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>Every basis kind builds and maps (7, 5) to finite (7, 3), in float32 and after to(float64).</summary>
public class KanLayerForwardTests
{
    public KanLayerForwardTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [MemberData(nameof(KanTestLayers.Names), MemberType = typeof(KanTestLayers))]
    public void Forward_gives_finite_out_by_n_in_float32_and_float64(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var module = new KanLayerModule(KanTestLayers.ByName[name], 5, 3);
        var x = randn(7, 5).mul(1.5);
        var y = module.forward(x);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.Equal([7L, 3], y.shape);
        Assert.True(y.isfinite().all().item<bool>(), $"{name}: non-finite output");

        module.to(float64);
        var y64 = module.forward(x.to(float64));
        Assert.Equal(ScalarType.Float64, y64.dtype);
        Assert.True(y64.isfinite().all().item<bool>());
        Assert.True(y64.to(float32).sub(y).abs().max().item<float>() < 1e-4, $"{name}: float64 differs from float32");
    }

    [Fact]
    public void Every_af_kan_activation_and_combination_runs()
    {
        using var scope = NewDisposeScope();
        var x = randn(7, 5);
        foreach (var act in Enum.GetValues<AfActivation>())
            foreach (var comb in Enum.GetValues<AfCombination>())
            {
                using var module = new KanLayerModule(KanLayer.Create(new AfKanBasis(act, comb, 3, 2)), 5, 3);
                Assert.True(module.forward(x).isfinite().all().item<bool>(), $"{act} {comb}");
            }
    }

    [Fact]
    public void Wrong_input_width_is_an_argument_error()
    {
        using var scope = NewDisposeScope();
        using var module = new KanLayerModule(KanTestLayers.ByName["bspline"], 5, 3);
        Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 4)));
    }
}
