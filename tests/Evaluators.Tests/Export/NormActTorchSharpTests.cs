using System.Reflection;
using Evaluators.Export;
using Evaluators.Runtime;
using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>Generated norm-act classes compile and, in training mode, compute NormActReference; batch statistics run.</summary>
public class NormActTorchSharpTests
{
    private const string Namespace = "Exported.NormAct";
    private const int N = 4, C = 6, H = 3, W = 2, Groups = 4; // 4 groups of 6 channels: lowered to 3
    private static readonly NormActFamily Family = new();

    public NormActTorchSharpTests() => TorchRuntime.EnsureReady(1);

    private static readonly Lazy<(ExportItem[] Items, Assembly Assembly)> Compiled = new(() =>
    {
        var rng = new Rng(5);
        var items = new ExportItem[]
        {
            new(Family.Parse("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)"), "BN-ReLU"),
            new(Family.Parse("x * sigmoid(x * v1) / group_std(x) * gamma + beta"), "EvoNorm-S0"),
            new(Family.Parse("x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta"), "EvoNorm-B0"),
            new(Family.Parse("x * batch_m2(x) + layer_mean(x) - layer_m2(x) * instance_m2(x) + group_mean(x) / group_m2(x)"), "every aggregate"),
        }.Concat(Enumerable.Range(0, 30).Select(i => new ExportItem(Family.Random(rng), $"random {i}"))).ToArray();
        var source = Exporter.Export("torchsharp", items, new ExportOptions { Namespace = Namespace });
        return (items, InProcessCompiler.Compile(source));
    });

    private static nn.Module<Tensor, Tensor> Instantiate(string className) =>
        (nn.Module<Tensor, Tensor>)Activator.CreateInstance(
            Compiled.Value.Assembly.GetType($"{Namespace}.{className}", throwOnError: true)!, [(long)C, (long)Groups, 0.1])!;

    private static double[,,,] Input()
    {
        var rng = new Rng(9);
        var x = new double[N, C, H, W];
        for (int n = 0; n < N; n++) for (int c = 0; c < C; c++) for (int h = 0; h < H; h++) for (int w = 0; w < W; w++)
            x[n, c, h, w] = rng.NextDouble() * 4 - 2 + 0.3 * c;
        return x;
    }

    [Fact]
    public void Training_mode_output_matches_the_reference()
    {
        var (items, _) = Compiled.Value;
        var layers = ExportLayer.ResolveAll(items);
        var x = Input();
        for (int i = 0; i < items.Length; i++)
        {
            var genome = (NormActGenome)items[i].Genome;
            var want = NormActReference.Evaluate(genome, x, Groups);
            using var module = Instantiate(layers[i].ClassName);
            using var scope = NewDisposeScope();
            var got = module.forward(tensor(x.Cast<double>().ToArray(), [N, C, H, W], float64)).expand(N, C, H, W).contiguous().data<double>().ToArray();
            int k = 0;
            foreach (double expected in want)
            {
                double actual = got[k++];
                bool same = double.IsNaN(expected) ? double.IsNaN(actual)
                    : double.IsInfinity(expected) ? actual == expected
                    : Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected));
                Assert.True(same, $"{items[i].Name} ({genome.Text}) element {k - 1}: reference {expected}, exported {actual}");
            }
        }
    }

    [Fact]
    public void Batch_statistics_are_running_buffers_used_in_evaluation()
    {
        using var module = Instantiate("BNReLU");
        using var scope = NewDisposeScope();
        var x = tensor(Input().Cast<double>().ToArray(), [N, C, H, W], float64);
        module.forward(x);
        var buffers = module.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        // NormActModule's convention (BatchNorm's): (C) buffers, the variance tracked unbiased.
        Assert.Equal(["running_mean", "running_var"], buffers.Keys);
        var mean = x.mean([0, 2, 3]);
        var variance = x.var([0, 2, 3], unbiased: true);
        Assert.True(buffers["running_mean"].allclose(mean.mul(0.1).to_type(float32), 1e-5, 1e-6));
        Assert.True(buffers["running_var"].allclose(variance.mul(0.1).add(0.9).to_type(float32), 1e-5, 1e-6));

        module.eval();
        var expected = x.sub(buffers["running_mean"].view(1, C, 1, 1))
            .div(buffers["running_var"].view(1, C, 1, 1).add(1e-5).sqrt()).clamp_min(0);
        Assert.True(module.forward(x).allclose(expected, 1e-6, 1e-6));
    }

    [Fact]
    public void Per_channel_parameters_start_at_their_initial_values()
    {
        using var module = Instantiate("EvoNormS0");
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(["beta", "gamma", "v1"], parameters.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, init) in new[] { ("v1", 1f), ("gamma", 1f), ("beta", 0f) })
        {
            Assert.Equal([1L, C, 1, 1], parameters[name].shape);
            Assert.All(parameters[name].data<float>().ToArray(), v => Assert.Equal(init, v));
        }
    }
}
