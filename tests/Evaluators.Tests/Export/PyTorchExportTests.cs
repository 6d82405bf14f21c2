using System.Globalization;
using Evaluators.Export;
using Evaluators.Tests.Data;
using Search.Core;
using Search.Genomes.Activation;

namespace Evaluators.Tests.Export;

/// <summary>
/// The generated Python parses, defines one class per layer, and (run against a scalar stand-in
/// for torch) computes the engine's function with the trained values.
/// </summary>
public class PyTorchExportTests
{
    private static readonly ActivationFamily Family = new();
    private static readonly double[] Probe = Enumerable.Range(0, 61).Select(i => -6.0 + i * 0.2 + 0.013).Append(0).ToArray();

    private static ExportItem[] Items()
    {
        var rng = new Rng(77);
        var reference = new ExportItem[]
        {
            new(Family.Parse("relu(x)"), "ReLU"),
            new(Family.Parse("gelu(x)"), "GELU"),
            new(Family.Parse("x * sigmoid(@b(1) * x)"), "Swish"),
            new(Family.Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)"), "CRReLU", new Dictionary<string, double> { ["e"] = 0.0123 }),
            new(Family.Parse("-x^2 + x^3 - (x - 1) / (2 * x) + sinc(x) * log(x) - selu(x) / leaky_relu(x)"), "precedence"),
            new(Family.Parse("softsign(x) + mish(x) - elu(x) * silu(x) + min(softplus(x), 1) + max(@lambda(0.5), x)"), "named"),
            new(Family.Parse("(-sin(x))^2 + (-cos(x))^3 * (x - (1 - x)) / -(x + 2)"), "signs and powers"),
            new(Family.Parse("sqrt(-3) + x"), "not finite constant"),
            new(Family.Parse("@training(2) * x + @forward(3)"), "module attribute names"),
        };
        var random = Enumerable.Range(0, 50).Select(i =>
        {
            var g = Family.Random(rng);
            return new ExportItem(g, $"random {i}", g.Learnables.ToDictionary(kv => kv.Key, kv => kv.Value * 1.1 + 0.05));
        });
        return reference.Concat(random).ToArray();
    }

    [PythonFact]
    public void Module_parses_and_defines_one_class_per_layer()
    {
        var items = Items();
        using var dir = new TempDir();
        File.WriteAllText(dir.File("layers.py"), Exporter.Export("pytorch", items, new ExportOptions { RunId = "run-7" }));
        Python.Run("import ast, sys; ast.parse(open(sys.argv[1]).read())", dir.File("layers.py"));
        var classes = Python.Run(FakeTorch.Script, dir.File("layers.py")).Trim().Split(' ');
        Assert.Equal(ExportLayer.ResolveAll(items).Select(l => l.ClassName), classes);
    }

    [PythonFact]
    public void Every_class_computes_the_engine_function_with_the_trained_values()
    {
        var items = Items();
        using var dir = new TempDir();
        File.WriteAllText(dir.File("layers.py"), Exporter.Export("pytorch", items, new ExportOptions()));
        var probes = string.Join(",", Probe.Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
        var lines = Python.Run(FakeTorch.Script, dir.File("layers.py"), probes).Trim().Split('\n').Skip(1).ToArray();
        Assert.Equal(items.Length, lines.Length);
        for (int i = 0; i < items.Length; i++)
        {
            var genome = (ActivationGenome)items[i].Genome;
            var got = lines[i].Split(' ').Skip(1).Select(ParsePython).ToArray();
            for (int k = 0; k < Probe.Length; k++)
            {
                double want = genome.Evaluate(Probe[k], items[i].Learned ?? new Dictionary<string, double>());
                bool same = double.IsNaN(want) ? double.IsNaN(got[k])
                    : double.IsInfinity(want) ? got[k] == want
                    : Math.Abs(got[k] - want) <= 1e-9 * Math.Max(1, Math.Abs(want));
                Assert.True(same, $"{items[i].Name} ({genome.Text}) at x={Probe[k]}: engine {want}, python {got[k]}");
            }
        }
    }

    [Fact]
    public void Parameters_hold_the_trained_values_and_the_docstring_gives_the_genome()
    {
        var source = Exporter.Export("pytorch", Items().Take(9).ToArray(), new ExportOptions { RunId = "run-7" });
        Assert.StartsWith("\"\"\"Layers exported by the architecture search (run run-7).", source);
        Assert.Contains("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n", source);
        Assert.Contains("class CRReLU(nn.Module):\n    \"\"\"CRReLU: activation layer of the genome\n\n        relu(x) + @e(0.01) * x * exp(-x^2 / 2)\n", source);
        Assert.Contains("self.register_parameter(\"e\", nn.Parameter(torch.tensor(0.0123)))", source);
        Assert.Contains("return torch.relu(x) + self.e * x * torch.exp(-x ** 2 / 2.0)", source);
        Assert.Contains("self.register_parameter(\"b\", nn.Parameter(torch.tensor(1.0)))", source); // Swish: no learned value, the init
        Assert.Contains("getattr(self, \"lambda\")", source);
        Assert.Contains("self.register_parameter(\"ptraining\"", source);
    }

    [PythonFact]
    public void Norm_act_layers_parse_with_their_buffers()
    {
        var family = new Search.Genomes.NormAct.NormActFamily();
        var rng = new Rng(3);
        var items = new[]
        {
            new ExportItem(family.Parse("max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)"), "BN-ReLU"),
            new ExportItem(family.Parse("x * sigmoid(x * v1) / group_std(x) * gamma + beta"), "EvoNorm-S0"),
        }.Concat(Enumerable.Range(0, 30).Select(i => new ExportItem(family.Random(rng), $"random {i}"))).ToArray();
        using var dir = new TempDir();
        var source = Exporter.Export("pytorch", items, new ExportOptions());
        File.WriteAllText(dir.File("norm.py"), source);
        var classes = Python.Run(FakeTorch.Script, dir.File("norm.py")).Trim().Split(' ');
        Assert.Equal(ExportLayer.ResolveAll(items).Select(l => l.ClassName), classes);
        Assert.Contains("""
                t0 = self._batch(x, 0, self.running_mean, False)
                t1 = x - t0
                t2 = torch.sqrt(self._batch(x, 2, self.running_var, True) + 1E-05)
                t3 = t1 / t2
                t4 = t3 * self.gamma
                t5 = t4 + self.beta
                t6 = torch.clamp(t5, min=0.0)
                return t6
        """, source);
        Assert.Contains("self.register_buffer(\"running_var\", torch.ones(num_features))", source);
        Assert.Contains("running.mul_(1 - self.momentum).add_(observed.detach().reshape(-1), alpha=self.momentum)", source);
        Assert.Contains("observed = s * (count / (count - 1)) if unbiased and count > 1 else s", source);
        Assert.Contains("self.register_parameter(\"gamma\", nn.Parameter(torch.full((1, num_features, 1, 1), 1.0)))", source);
    }

    private static double ParsePython(string repr) => repr switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(repr, CultureInfo.InvariantCulture),
    };
}
