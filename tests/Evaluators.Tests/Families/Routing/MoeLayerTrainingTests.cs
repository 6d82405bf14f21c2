using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>Gradients reach the router and experts; training steps leave no live tensor behind.</summary>
public class MoeLayerTrainingTests
{
    public MoeLayerTrainingTests() => TorchRuntime.EnsureReady(1);

    private static RoutingGenome Genome(GateType gate) => MoeTestGenomes.Gate(gate, 4, 2, capacity: 1.25, lb: 0.01, zLoss: 0.001);

    [Theory]
    [MemberData(nameof(MoeTestGenomes.Gates), MemberType = typeof(MoeTestGenomes))]
    public void Gradients_reach_the_router_and_every_expert_parameter(GateType gate)
    {
        manual_seed(2);
        using var layer = new MoeLayer(Genome(gate), 6, 8);
        layer.train();
        using var scope = NewDisposeScope();
        var loss = layer.forward(randn(16, 6)).sum();
        if (layer.AuxiliaryLoss is { } aux) loss = loss.add(aux);
        loss.backward();
        Assert.True(layer.RouterWeight.grad is { } g && g.abs().sum().item<float>() > 0, "router weight gradient is zero");
        foreach (var p in new[] { layer.Experts.W1, layer.Experts.B1, layer.Experts.W2, layer.Experts.B2 })
            Assert.True(p.grad is { } pg && pg.abs().sum().item<float>() > 0);
        if (gate == GateType.NoisyTopK)
            Assert.True(layer.get_parameter("noise_weight")!.grad is { } ng && ng.abs().sum().item<float>() > 0, "noise weight gradient is zero");
    }

    [Fact]
    public void Top_1_keeps_the_switch_weight_so_the_task_loss_alone_trains_the_router()
    {
        manual_seed(2);
        using var layer = new MoeLayer(MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 1, capacity: 2.0, lb: 0, zLoss: 0), 6, 8);
        using var scope = NewDisposeScope();
        layer.forward(randn(16, 6)).sum().backward();
        Assert.Null(layer.AuxiliaryLoss);
        Assert.True(layer.RouterWeight.grad is { } g && g.abs().sum().item<float>() > 0, "router weight gradient is zero");
    }

    private static void Step(MoeLayer layer, int step)
    {
        using var scope = NewDisposeScope();
        layer.BeforeStep(new TrainingStep(step, 50));
        var loss = layer.forward(randn(12, 6)).square().mean();
        if (layer.AuxiliaryLoss is { } aux) loss = loss.add(aux);
        loss.backward();
        _ = layer.DroppedTokens + layer.ExpertLoad.Length;
        ((IStepAware)layer).AfterStep(new TrainingStep(step, 50));
    }

    [Theory]
    [MemberData(nameof(MoeTestGenomes.Gates), MemberType = typeof(MoeTestGenomes))]
    public void Fifty_training_steps_leave_the_live_tensor_count_unchanged(GateType gate)
    {
        manual_seed(4);
        using (var warm = new MoeLayer(Genome(gate), 6, 8)) Step(warm, 0); // lazy state, counters
        long before;
        using (var layer = new MoeLayer(Genome(gate), 6, 8))
        {
            layer.train();
            Step(layer, 0);
            before = LiveTensors.Count;
            for (int s = 1; s < 50; s++) Step(layer, s);
            Assert.Equal(before, LiveTensors.Count);
            layer.zero_grad();
        }
        Assert.True(LiveTensors.Count < before, "disposing the layer released nothing");
    }
}
