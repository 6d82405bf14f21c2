using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>Building, a forward+backward step inside a scope, refining and disposing leave no live tensor behind.</summary>
public class KanLayerLeakTests
{
    public KanLayerLeakTests() => TorchRuntime.EnsureReady(1);

    private static void Step(string name)
    {
        using var module = new KanLayerModule(KanTestLayers.ByName[name], 5, 3);
        using (var scope = NewDisposeScope())
        {
            var x = randn(7, 5);
            module.forward(x).square().sum().backward();
        }
        if (name.StartsWith("bspline", StringComparison.Ordinal)) module.RefineGrid(7);
    }

    [Theory]
    [MemberData(nameof(KanTestLayers.Names), MemberType = typeof(KanTestLayers))]
    public void Live_tensor_count_is_unchanged(string name)
    {
        Step(name); // warm up lazy state
        long before = LiveTensors.Count;
        Step(name);
        Step(name);
        Assert.Equal(before, LiveTensors.Count);
    }
}
