using System.Globalization;
using System.Text.Json;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>A layer the search trained at unit gain is exported with that fixed gain, in every format, computing what the trainer computed.</summary>
public class UnitGainExportTests
{
    private const string Namespace = "Exported.UnitGain";
    private static readonly ActivationFamily Family = new();
    private static readonly double[] Probe = Enumerable.Range(0, 41).Select(i => -4.0 + i * 0.2 + 0.013).ToArray();

    public UnitGainExportTests() => TorchRuntime.EnsureReady(1);

    private static readonly ExportItem[] Items =
    [
        new(Family.Parse("relu(x)"), "ReLU", UnitGain: true),
        new(Family.Parse("x * sigmoid(@b(1) * x)"), "Swish", new Dictionary<string, double> { ["b"] = 1.7 }, UnitGain: true),
        new(Family.Parse("tanh(x)"), "Tanh"),
    ];

    /// <summary>What the trainer ran: the gain from the initial values, times the module with the trained values.</summary>
    private static double[] Trained(ExportItem item)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var genome = (ActivationGenome)item.Genome;
        double gain = item.UnitGain ? UnitGain.Of(new ActivationModule(genome)) : 1;
        var module = new ActivationModule(genome);
        foreach (var (name, p) in module.named_parameters())
            if (item.Learned?.TryGetValue(name, out double v) == true) p.copy_(tensor((float)v));
        using var layer = new UnitGainLayer(module, gain);
        return layer.forward(tensor(Probe, float64)).data<double>().ToArray();
    }

    [Fact]
    public void Json_gives_the_gain_and_null_without_unit_gain()
    {
        using var doc = JsonDocument.Parse(Exporter.Export("json", Items, new ExportOptions()));
        var layers = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(Math.Sqrt(2), layers[0].GetProperty("unit_gain").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, layers[2].GetProperty("unit_gain").ValueKind);
    }

    [Fact]
    public void TorchSharp_class_computes_gain_times_the_trained_function()
    {
        var source = Exporter.Export("torchsharp", Items, new ExportOptions { Namespace = Namespace });
        Assert.Contains("public const double Gain = ", source);
        var assembly = InProcessCompiler.Compile(source);
        var names = ExportLayer.ResolveAll(Items).Select(l => l.ClassName).ToArray();
        for (int i = 0; i < Items.Length; i++)
        {
            using var exported = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(assembly.GetType($"{Namespace}.{names[i]}", throwOnError: true)!)!;
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var got = exported.forward(tensor(Probe, float64)).data<double>().ToArray();
            var want = Trained(Items[i]);
            for (int k = 0; k < Probe.Length; k++) Assert.Equal(want[k], got[k], 9);
        }
    }

    [Fact]
    public void Latex_shows_the_gain_factor()
    {
        var tex = Exporter.Export("latex", Items[..1], new ExportOptions());
        Assert.Contains("\\cdot", tex);
        Assert.Contains(Math.Sqrt(2).ToString("0.000", CultureInfo.InvariantCulture), tex);
    }

    [TorchFact]
    public void PyTorch_class_computes_gain_times_the_trained_function_in_real_PyTorch()
    {
        var source = Exporter.Export("pytorch", Items, new ExportOptions());
        Assert.Contains("GAIN = ", source);
        var names = ExportLayer.ResolveAll(Items).Select(l => l.ClassName).ToArray();
        string path = Path.Combine(Path.GetTempPath(), $"unitgain-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        try
        {
            string probe = string.Join(",", Probe.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            var output = RealTorch.Run(
                "import sys, torch\nns = {}\nexec(open(sys.argv[1]).read(), ns)\n" +
                "x = torch.tensor([" + probe + "], dtype=torch.float64)\n" +
                "for name in sys.argv[2:]:\n    m = ns[name]().double()\n    print(' '.join(repr(float(v)) for v in m(x).detach()))\n",
                [path, .. names]);
            var lines = output.Trim().Split('\n');
            for (int i = 0; i < Items.Length; i++)
            {
                var got = lines[i].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var want = Trained(Items[i]);
                for (int k = 0; k < Probe.Length; k++) Assert.Equal(want[k], got[k], 6);
            }
        }
        finally { File.Delete(path); }
    }
}
