using Evaluators.Compile;
using Evaluators.Runtime;
using Evaluators.Compile.Checks;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Compile;

/// <summary>Parameters, running statistics, modes and tensor hygiene of compiled norm-act layers.</summary>
public class NormActModuleTests
{
    private static readonly NormActFamily Family = new();

    public NormActModuleTests() => TorchRuntime.EnsureReady(1);

    private static Tensor Batch(long seed, int n = 6, int c = 8, int size = 5)
    {
        using var g = new Generator((ulong)seed);
        return randn([n, c, size, size], generator: g) * 2 + 1;
    }

    [Fact]
    public void Parameters_exist_only_for_used_learnables_with_their_inits_and_get_gradients()
    {
        using var scope = NewDisposeScope();
        using var module = new NormActModule(Family.Parse(NormActCheck.EvoNormS0), 8);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(["beta", "gamma", "v1"], parameters.Keys.Order());
        foreach (var p in parameters.Values) Assert.Equal([1L, 8, 1, 1], p.shape);
        Assert.Equal(1f, parameters["v1"].mean().item<float>());
        Assert.Equal(0f, parameters["beta"].abs().max().item<float>());

        module.forward(Batch(1)).square().sum().backward();
        foreach (var (name, p) in parameters)
            Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} got no gradient");
        Assert.Empty(module.RunningStatistics);
        Assert.Empty(module.named_buffers());
    }

    [Fact]
    public void Batch_statistics_move_the_running_buffers_in_train_mode_and_are_used_in_eval_mode()
    {
        using var scope = NewDisposeScope();
        using var module = new NormActModule(Family.Parse(NormActCheck.BnRelu), 8);
        Assert.Equal(["running_mean", "running_var"], module.RunningStatistics.Order());
        var x = Batch(2);
        module.train();
        var trainOut = module.forward(x);

        var mean = x.mean([0, 2, 3]);
        var unbiasedVar = x.var([0, 2, 3], unbiased: true);
        var runningMean = module.get_buffer("running_mean")!;
        var runningVar = module.get_buffer("running_var")!;
        Assert.True((runningMean - mean * 0.1).abs().max().item<float>() < 1e-5);
        Assert.True((runningVar - (0.9 + unbiasedVar * 0.1)).abs().max().item<float>() < 1e-5);

        module.eval();
        var before = runningMean.clone();
        var evalOut = module.forward(x);
        Assert.True((runningMean - before).abs().max().item<float>() == 0, "eval mode must not update running statistics");
        var expected = ((x - runningMean.view(1, 8, 1, 1)) / (runningVar.view(1, 8, 1, 1) + 1e-5).sqrt()).relu();
        Assert.True((evalOut - expected).abs().max().item<float>() < 1e-5);
        Assert.True((evalOut - trainOut).abs().max().item<float>() > 0.1, "eval mode should not use the batch's own statistics");
    }

    [Fact]
    public void Each_batch_aggregate_node_has_its_own_buffer_even_on_intermediate_expressions()
    {
        using var scope = NewDisposeScope();
        var genome = Family.Parse("x / batch_std(x) + batch_mean(sigmoid(x)) * batch_mean(x) - batch_m2(x * v1)");
        using var module = new NormActModule(genome, 8);
        Assert.Equal(4, module.RunningStatistics.Count);
        Assert.Contains("running_var", module.RunningStatistics);
        Assert.Contains("running_m2", module.RunningStatistics);
        Assert.Contains("running_mean", module.RunningStatistics);
        Assert.Contains("running_mean_1", module.RunningStatistics);

        var x = Batch(3);
        module.train();
        module.forward(x);
        var sigmoidMean = x.sigmoid().mean([0, 2, 3]) * 0.1;
        var plainMean = x.mean([0, 2, 3]) * 0.1;
        var buffers = module.RunningStatistics.Where(n => n.StartsWith("running_mean", StringComparison.Ordinal))
            .Select(n => module.get_buffer(n)!).ToList();
        Assert.Contains(buffers, b => (b - sigmoidMean).abs().max().item<float>() < 1e-6);
        Assert.Contains(buffers, b => (b - plainMean).abs().max().item<float>() < 1e-6);
        var m2 = module.get_buffer("running_m2")!;
        Assert.True((m2 - (0.9 + x.square().mean([0, 2, 3]) * 0.1)).abs().max().item<float>() < 1e-4); // v1 starts at 1
    }

    [Fact]
    public void Group_count_is_lowered_until_it_divides_the_channels()
    {
        using var module = new NormActModule(Family.Parse(NormActCheck.EvoNormS0), 24, groups: 32);
        Assert.Equal(NormActReference.EffectiveGroups(32, 24), module.Groups);
        Assert.Equal(24, module.Groups);
        using var scope = NewDisposeScope();
        Assert.Equal([2L, 24, 3, 3], module.forward(randn(2, 24, 3, 3)).shape);
    }

    [Fact]
    public void Outputs_of_reduced_shape_and_flat_inputs_keep_the_input_shape()
    {
        using var scope = NewDisposeScope();
        using var aggregateOnly = new NormActModule(Family.Parse("layer_mean(x) * gamma"), 8);
        var x = Batch(4);
        var y = aggregateOnly.forward(x);
        Assert.Equal(x.shape, y.shape);
        Assert.True((y[0, 3] - x[0].mean()).abs().max().item<float>() < 1e-5);

        using var bn = new NormActModule(Family.Parse(NormActCheck.BnRelu), 8);
        Assert.Equal([5L, 8], bn.forward(randn(5, 8)).shape);
        Assert.Throws<ArgumentException>(() => bn.forward(randn(2, 7, 3, 3)));
    }

    [Fact]
    public void Many_forward_backward_passes_leave_no_live_tensors()
    {
        using var module = new NormActModule(Family.Parse("x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta - batch_mean(x^2) * v0"), 8);
        using var input = Batch(5);
        module.train();
        Step();
        long before = LiveTensors.Count;
        for (int i = 0; i < 50; i++) Step();
        module.eval();
        using (no_grad()) for (int i = 0; i < 10; i++) { using var s = NewDisposeScope(); module.forward(input); }
        Assert.Equal(before, LiveTensors.Count);

        void Step()
        {
            using var s = NewDisposeScope();
            module.zero_grad();
            module.forward(input).square().mean().backward();
        }
    }
}
