using System.Reflection;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Search.Core;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>Generated TorchSharp classes compile, carry the trained values, and compute what ActivationModule computes.</summary>
public class TorchSharpExportTests
{
    private const string Namespace = "Exported.Tests";
    private static readonly ActivationFamily Family = new();
    private static readonly double[] Probe = Enumerable.Range(0, 61).Select(i => -6.0 + i * 0.2 + 0.013).Append(0).ToArray();

    public TorchSharpExportTests() => TorchRuntime.EnsureReady(1);

    private static readonly ExportItem[] Reference =
    [
        new(Family.Parse("relu(x)"), "ReLU"),
        new(Family.Parse("gelu(x)"), "GELU"),
        new(Family.Parse("x * sigmoid(@b(1) * x)"), "Swish"),
        new(Family.Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)"), "CRReLU", new Dictionary<string, double> { ["e"] = 0.0123 }),
    ];

    // 50 free-mode genomes and 10 of each template mode; every learnable moved off its init, so
    // the test sees whether trained values reach the class.
    private static ExportItem[] RandomItems()
    {
        var rng = new Rng(2024);
        var families = Enumerable.Repeat(Family, 50)
            .Concat(Enumerable.Repeat(new ActivationFamily(new ActivationSpace { Mode = ActivationMode.CoreUnit }), 10))
            .Concat(Enumerable.Repeat(new ActivationFamily(new ActivationSpace { Mode = ActivationMode.Correction }), 10));
        return families.Select((family, i) =>
        {
            var g = family.Random(rng);
            return new ExportItem(g, $"random {i}", g.Learnables.ToDictionary(kv => kv.Key, kv => kv.Value * 1.1 + 0.05));
        }).ToArray();
    }

    private static readonly Lazy<(ExportItem[] Items, Assembly Assembly)> Compiled = new(() =>
    {
        var items = Reference.Concat(RandomItems()).ToArray();
        var source = Exporter.Export("torchsharp", items, new ExportOptions { Namespace = Namespace, RunId = "run-7" });
        return (items, InProcessCompiler.Compile(source));
    });

    private static nn.Module<Tensor, Tensor> Instantiate(Assembly assembly, string className) =>
        (nn.Module<Tensor, Tensor>)Activator.CreateInstance(assembly.GetType($"{Namespace}.{className}", throwOnError: true)!)!;

    private static double[] Run(nn.Module<Tensor, Tensor> module, ScalarType type)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return module.forward(tensor(Probe, type)).to_type(float64).data<double>().ToArray();
    }

    private static ActivationModule Engine(ExportItem item)
    {
        var module = new ActivationModule((ActivationGenome)item.Genome);
        using var _ = no_grad();
        foreach (var (name, p) in module.named_parameters())
            if (item.Learned?.TryGetValue(name, out double v) == true) p.copy_(tensor((float)v));
        return module;
    }

    [Fact]
    public void Every_class_reproduces_ActivationModule_in_float64_and_float32()
    {
        var (items, assembly) = Compiled.Value;
        var classNames = ExportLayer.ResolveAll(items).Select(l => l.ClassName).ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            using var exported = Instantiate(assembly, classNames[i]);
            using var engine = Engine(items[i]);
            foreach (var type in new[] { float64, float32 })
            {
                var got = Run(exported, type);
                var want = Run(engine, type);
                for (int k = 0; k < Probe.Length; k++)
                {
                    bool same = double.IsNaN(want[k]) ? double.IsNaN(got[k])
                        : double.IsInfinity(want[k]) ? got[k] == want[k]
                        : Math.Abs(got[k] - want[k]) <= 1e-6 * Math.Abs(want[k]) + 1e-12;
                    Assert.True(same, $"{items[i].Name} ({items[i].Genome.Text}) {type} at x={Probe[k]}: engine {want[k]}, exported {got[k]}");
                }
            }
        }
    }

    [Fact]
    public void A_module_moved_to_double_keeps_its_trained_value_and_computes()
    {
        var (items, assembly) = Compiled.Value;
        using var crrelu = Instantiate(assembly, "CRReLU");
        crrelu.to(float64);
        var p = Assert.Single(crrelu.named_parameters());
        Assert.Equal(float64, p.parameter.dtype);
        Assert.Equal(0.0123, p.parameter.item<double>(), 6);
        using var engine = Engine(items.Single(i => i.Name == "CRReLU"));
        var want = Run(engine, float64);
        var got = Run(crrelu, float64);
        for (int k = 0; k < Probe.Length; k++) Assert.Equal(want[k], got[k], 6);
    }

    [Fact]
    public void Parameters_are_named_after_the_learnables_and_hold_the_trained_values()
    {
        var (items, assembly) = Compiled.Value;
        using var crrelu = Instantiate(assembly, "CRReLU");
        var p = Assert.Single(crrelu.named_parameters());
        Assert.Equal("e", p.name);
        Assert.Equal((float)0.0123, p.parameter.item<float>());
        using var swish = Instantiate(assembly, "Swish");
        Assert.Equal(1f, Assert.Single(swish.named_parameters()).parameter.item<float>()); // no learned value: the init
        using var relu = Instantiate(assembly, "ReLU");
        Assert.Empty(relu.named_parameters());

        var layers = ExportLayer.ResolveAll(items);
        for (int i = 4; i < items.Length; i++)
        {
            using var module = Instantiate(assembly, layers[i].ClassName);
            var names = module.named_parameters().Select(np => np.name).Order(StringComparer.Ordinal);
            Assert.Equal(((ActivationGenome)items[i].Genome).Learnables.Keys.Order(StringComparer.Ordinal), names);
        }
    }

    [Fact]
    public void Gradients_flow_to_the_exported_parameters()
    {
        using var module = Instantiate(Compiled.Value.Assembly, "CRReLU");
        using var scope = NewDisposeScope();
        module.forward(linspace(-2, 2, 9)).sum().backward();
        Assert.NotEqual(0f, module.named_parameters().Single().parameter.grad!.item<float>());
    }

    [Fact]
    public void Source_names_the_namespace_and_the_genome()
    {
        var source = Exporter.Export("torchsharp", Reference, new ExportOptions { Namespace = "My.Layers" });
        Assert.Contains("namespace My.Layers;", source);
        Assert.Contains("public const string Genome = \"relu(x) + @e(0.01) * x * exp(-x^2 / 2)\";", source);
        Assert.Contains("register_parameter(\"e\", _e);", source);
        Assert.Equal(4, source.Split("public sealed class ").Length - 1);
    }

    [Fact]
    public void A_bad_namespace_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exporter.Export("torchsharp", Reference, new ExportOptions { Namespace = "My..Layers" }));
        Assert.Contains("My..Layers", ex.Message);
    }
}
