using System.Reflection;
using System.Text.RegularExpressions;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>
/// The exported TorchSharp class reproduces <see cref="NormActModule"/>, the layer the search trained:
/// same parameters and buffers (names, order, shapes), same outputs and running statistics over
/// several training steps, same outputs in evaluation mode, and a compiled state_dict loads into it.
/// </summary>
public class NormActExportParityTests
{
    private const string Namespace = "Exported.Parity";
    private const int C = 6, Groups = 4; // 4 groups of 6 channels: lowered to 3
    private static readonly NormActFamily Family = new();

    public NormActExportParityTests() => TorchRuntime.EnsureReady(1);

    private static readonly Lazy<(NormActGenome[] Genomes, string[] ClassNames, Assembly Assembly)> Compiled = new(() =>
    {
        var rng = new Rng(11);
        var genomes = new[]
        {
            "max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)", // BN-ReLU
            "x * sigmoid(x * v1) / group_std(x) * gamma + beta", // EvoNorm-S0
            "x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta", // EvoNorm-B0
            "x * batch_m2(x) + layer_mean(x) - layer_m2(x) * instance_m2(x) + group_mean(x) / group_m2(x)", // every aggregate
            // Several buffers of one kind, batch statistics of reduced-shape operands and of a constant.
            "(x - batch_mean(x)) / batch_std(x) + batch_mean(x * x) * batch_std(instance_mean(x)) + batch_m2(v1) * x + batch_mean(2)",
            // A batch statistic of a constant subtree: a number, yet the compiled module keeps an (unused) buffer for it.
            "x * gamma + batch_mean(layer_std(2))",
        }.Select(Family.Parse).Concat(Enumerable.Range(0, 20).Select(_ => Family.Random(rng))).ToArray();
        var items = genomes.Select((g, i) => new ExportItem(g, $"layer {i}")).ToArray();
        var source = Exporter.Export("torchsharp", items, new ExportOptions { Namespace = Namespace });
        return (genomes, ExportLayer.ResolveAll(items).Select(l => l.ClassName).ToArray(), InProcessCompiler.Compile(source));
    });

    private static nn.Module<Tensor, Tensor> Exported(int i) =>
        (nn.Module<Tensor, Tensor>)Activator.CreateInstance(
            Compiled.Value.Assembly.GetType($"{Namespace}.{Compiled.Value.ClassNames[i]}", throwOnError: true)!,
            [(long)C, (long)Groups, NormActModule.DefaultMomentum])!;

    // Non-trivial inputs: per-channel offsets and scales, a fresh draw per seed; (N,C) when flat.
    private static Tensor Input(ulong seed, bool flat = false)
    {
        using var g = new Generator(seed);
        var shape = flat ? new long[] { 5, C } : [4, C, 3, 2];
        var offsets = arange(C, float32).mul(0.3).view(flat ? new long[] { 1, C } : [1, C, 1, 1]);
        return randn(shape, generator: g).mul(1.5).add(offsets);
    }

    // Per-channel values away from the inits, written into the compiled module.
    private static void Perturb(NormActModule module, ulong seed)
    {
        using var g = new Generator(seed);
        using var noGrad = no_grad();
        foreach (var (_, p) in module.named_parameters()) p.add_(randn(p.shape, generator: g).mul(0.5));
    }

    [Fact]
    public void Parameters_and_buffers_have_the_compiled_names_order_shapes_and_starting_values()
    {
        for (int i = 0; i < Compiled.Value.Genomes.Length; i++)
        {
            using var scope = NewDisposeScope();
            using var compiled = new NormActModule(Compiled.Value.Genomes[i], C, Groups);
            using var exported = Exported(i);
            var want = compiled.state_dict();
            var got = exported.state_dict();
            string what = Compiled.Value.Genomes[i].Text;
            Assert.Equal(want.Keys, got.Keys);
            Assert.Equal(compiled.named_parameters().Select(p => p.name), exported.named_parameters().Select(p => p.name));
            Assert.Equal(compiled.RunningStatistics, exported.named_buffers().Select(b => b.name));
            foreach (var (name, t) in want)
            {
                Assert.True(t.shape.SequenceEqual(got[name].shape), $"{what}: {name} shape");
                Assert.Equal(t.dtype, got[name].dtype);
                AssertClose(t, got[name], $"{what}: {name} at the start");
            }
        }
    }

    [Fact]
    public void The_sample_exercises_running_statistics()
    {
        var random = Compiled.Value.Genomes.Skip(6).ToArray();
        int withBuffers = random.Count(g => RunningStats.Of(g.Root).Count > 0);
        Assert.True(withBuffers >= 5, $"only {withBuffers} of {random.Length} random genomes have a batch aggregate");
        using var constantStatistic = new NormActModule(Compiled.Value.Genomes[5], C, Groups);
        Assert.Equal(["running_mean"], constantStatistic.RunningStatistics);
    }

    [Fact]
    public void The_pytorch_export_registers_the_compiled_state_dict_keys_in_order_with_their_starting_values()
    {
        var genomes = Compiled.Value.Genomes;
        var source = Exporter.Export("pytorch", genomes.Select((g, i) => new ExportItem(g, $"layer {i}")).ToArray(), new ExportOptions());
        var classes = source.Split("\n\n\nclass ").Skip(1).ToArray();
        Assert.Equal(genomes.Length, classes.Length);
        var registration = new Regex("""self\.register_(?:parameter|buffer)\("(\w+)", (.*)\)$""", RegexOptions.Multiline);
        for (int i = 0; i < genomes.Length; i++)
        {
            using var scope = NewDisposeScope();
            using var compiled = new NormActModule(genomes[i], C, Groups);
            var registered = registration.Matches(classes[i]).Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToArray();
            Assert.Equal(compiled.state_dict().Keys, registered.Select(r => r.Name));
            var parameters = genomes[i].Parameters;
            foreach (var (name, value) in registered)
            {
                string want = parameters.TryGetValue(name, out double init)
                    ? $"nn.Parameter(torch.full((1, num_features, 1, 1), {Literals.Python(init)}))"
                    : compiled.get_buffer(name)!.sum().item<float>() == 0 ? "torch.zeros(num_features)" : "torch.ones(num_features)";
                Assert.Equal(want, value);
            }
        }
    }

    [Fact]
    public void Training_steps_then_evaluation_match_the_compiled_module()
    {
        for (int i = 0; i < Compiled.Value.Genomes.Length; i++)
        {
            using var scope = NewDisposeScope();
            var genome = Compiled.Value.Genomes[i];
            using var compiled = new NormActModule(genome, C, Groups);
            using var exported = Exported(i);
            Perturb(compiled, (ulong)(100 + i));
            using (no_grad())
                foreach (var (name, p) in compiled.named_parameters()) exported.get_parameter(name)!.copy_(p);

            compiled.train();
            exported.train();
            for (ulong step = 0; step < 4; step++)
            {
                var x = Input(10 * (ulong)i + step, flat: step == 2);
                AssertClose(compiled.forward(x), exported.forward(x), $"{genome.Text}, training step {step}");
                AssertBuffersClose(compiled, exported, $"{genome.Text}, after training step {step}");
            }

            compiled.eval();
            exported.eval();
            var fresh = Input(999);
            AssertClose(compiled.forward(fresh), exported.forward(fresh), $"{genome.Text}, evaluation");
            AssertBuffersClose(compiled, exported, $"{genome.Text}, after evaluation");
        }
    }

    [Fact]
    public void A_trained_compiled_state_dict_loads_by_name_and_the_export_continues_as_the_compiled_module()
    {
        for (int i = 0; i < Compiled.Value.Genomes.Length; i++)
        {
            using var scope = NewDisposeScope();
            var genome = Compiled.Value.Genomes[i];
            using var compiled = new NormActModule(genome, C, Groups);
            Perturb(compiled, (ulong)(200 + i));
            compiled.train();
            for (ulong step = 0; step < 3; step++) compiled.forward(Input(500 + step));

            using var exported = Exported(i);
            var (missing, unexpected) = exported.load_state_dict(compiled.state_dict());
            Assert.Empty(missing);
            Assert.Empty(unexpected);
            var loaded = exported.state_dict();
            foreach (var (name, t) in compiled.state_dict()) AssertClose(t, loaded[name], $"{genome.Text}: {name} loaded");

            compiled.eval();
            exported.eval();
            AssertClose(compiled.forward(Input(600)), exported.forward(Input(600)), $"{genome.Text}, evaluation after loading");

            // Converting moves the registered tensors (fields carry their component names), adding none.
            compiled.to(float64);
            exported.to(float64);
            Assert.Equal(compiled.state_dict().Keys, exported.state_dict().Keys);
            compiled.train();
            exported.train();
            var x = Input(601).to(float64);
            AssertClose(compiled.forward(x), exported.forward(x), $"{genome.Text}, float64 training after loading");
            AssertBuffersClose(compiled, exported, $"{genome.Text}, float64 training after loading");
        }
    }

    private static void AssertBuffersClose(nn.Module compiled, nn.Module exported, string what)
    {
        var got = exported.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, buffer) in compiled.named_buffers())
            AssertClose(buffer, got[name], $"{what}: buffer {name}");
    }

    // Relative 1e-5; NaN matches NaN and infinities match exactly.
    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(",", expected.shape)}] vs [{string.Join(",", actual.shape)}]");
        var want = expected.detach().to_type(float64).contiguous().data<double>().ToArray();
        var got = actual.detach().to_type(float64).contiguous().data<double>().ToArray();
        for (int k = 0; k < want.Length; k++)
        {
            bool same = double.IsNaN(want[k]) ? double.IsNaN(got[k])
                : double.IsInfinity(want[k]) ? got[k] == want[k]
                : Math.Abs(got[k] - want[k]) <= 1e-5 * Math.Max(1, Math.Abs(want[k]));
            Assert.True(same, $"{what}, element {k}: compiled {want[k]}, exported {got[k]}");
        }
    }
}
