using System.Text.Json;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Data;
using Search.Core;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>
/// The exported activation classes run in real PyTorch (/usr/bin/python3), eagerly and after
/// torch.jit.script: their state_dict is the trained <see cref="ActivationModule"/>'s (keys, shapes,
/// values), and loaded with it they give what the search trained (the module, times the unit gain
/// when trained so) to 1e-5 in train and eval mode. One Python process for all genomes.
/// </summary>
public class ActivationPyTorchParityTests
{
    private static readonly ActivationFamily Family = new();

    public ActivationPyTorchParityTests() => TorchRuntime.EnsureReady(1);

    private static ExportItem[] Items()
    {
        const string CrRelu = "relu(x) + @e(0.01) * x * exp(-x^2 / 2)", Swish = "x * sigmoid(@b(1) * x)";
        var rng = new Rng(21);
        var reference = new ExportItem[]
        {
            new(Family.Parse(CrRelu), "CRReLU", new Dictionary<string, double> { ["e"] = 0.0234 }, UnitGain: true),
            new(Family.Parse(CrRelu), "CRReLU plain", new Dictionary<string, double> { ["e"] = 0.0234 }),
            new(Family.Parse(Swish), "Swish", new Dictionary<string, double> { ["b"] = 1.7 }, UnitGain: true),
            new(Family.Parse(Swish), "Swish plain", new Dictionary<string, double> { ["b"] = 1.7 }),
            // A keyword learnable (read with getattr) and functional ops, at unit gain.
            new(Family.Parse("softsign(x) + mish(x) - elu(x) * silu(x) + min(softplus(x), 1) + max(@lambda(0.5), x)"), "named",
                new Dictionary<string, double> { ["lambda"] = 0.3 }, UnitGain: true),
            new(Family.Parse("@a(1) * gelu(@k(2) * x) + sinc(x) * @c(0.5) - (-cos(x))^3"), "several",
                new Dictionary<string, double> { ["a"] = 0.8, ["k"] = 1.3, ["c"] = 0.4 }, UnitGain: true),
            new(Family.Parse("relu(x)"), "ReLU", UnitGain: true),
        };
        // Random genomes (without unit gain, whose gain may not be finite) with values away from the inits.
        var random = Enumerable.Range(0, 12).Select(i =>
        {
            var g = Family.Random(rng);
            return new ExportItem(g, $"random {i}", g.Learnables.ToDictionary(kv => kv.Key, kv => kv.Value * 1.1 + 0.05));
        });
        return reference.Concat(random).ToArray();
    }

    // Builds each class, records its fresh state, loads the case's, and runs it eagerly and scripted in both modes.
    private const string Script = TorchJson.PythonHelpers + """
        module = load(sys.argv[1])
        results = {}
        for case in json.load(open(sys.argv[2])):
            net = getattr(module, case["class"])()
            out = {"fresh": state(net)}
            net.load_state_dict({k: tensor(v) for k, v in case["state"].items()})
            scripted = torch.jit.script(net)
            x = tensor(case["x"])
            for name, m in (("eager", net), ("scripted", scripted)):
                for mode in ("train", "eval"):
                    m.train(mode == "train")
                    out[f"{name} {mode}"] = flat(m(x))
            results[case["class"]] = out
        json.dump(results, open(sys.argv[3], "w"))
        """;

    [TorchFact]
    public void Activations_with_and_without_unit_gain_match_the_trained_module_in_real_pytorch_eagerly_and_scripted()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var items = Items();
        var classes = ExportLayer.ResolveAll(items).Select(l => l.ClassName).ToArray();
        var x = linspace(-4, 4, 60, dtype: float32).add(0.013).view(3, 20);
        var modules = items.Select(item =>
        {
            // What the search trained: the gain at the initial values, the module holding the trained values.
            var genome = (ActivationGenome)item.Genome;
            double gain = item.UnitGain ? UnitGain.Of(new ActivationModule(genome)) : 1;
            var module = new ActivationModule(genome);
            foreach (var (name, p) in module.named_parameters())
                if (item.Learned?.TryGetValue(name, out double v) == true) p.copy_(tensor((float)v));
            return (Module: module, Gain: gain);
        }).ToArray();
        var cases = items.Select((item, i) => new
        {
            @class = classes[i],
            state = modules[i].Module.state_dict().ToDictionary(kv => kv.Key, kv => TorchJson.Of(kv.Value)),
            x = TorchJson.Of(x),
        });

        using var dir = new TempDir();
        File.WriteAllText(dir.File("activations.py"), Exporter.Export("pytorch", items, new ExportOptions { RunId = "run-activation" }));
        File.WriteAllText(dir.File("cases.json"), JsonSerializer.Serialize(cases));
        RealTorch.Run(Script, dir.File("activations.py"), dir.File("cases.json"), dir.File("out.json"));
        var results = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))).RootElement;

        for (int i = 0; i < items.Length; i++)
        {
            string what = $"{items[i].Name} ({items[i].Genome.Text})";
            var r = results.GetProperty(classes[i]);
            var (module, gain) = modules[i];
            TorchJson.AssertState(module.state_dict(), r.GetProperty("fresh"), what + " fresh state");
            using var trained = new UnitGainLayer(module, gain);
            var want = TorchJson.Flat(trained.forward(x));
            foreach (var run in new[] { "eager train", "eager eval", "scripted train", "scripted eval" })
                TorchJson.AssertClose(want, TorchJson.Doubles(r.GetProperty(run)), $"{what}, {run}");
        }
    }
}
