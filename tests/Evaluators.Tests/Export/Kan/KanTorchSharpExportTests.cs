using System.Reflection;
using Evaluators.Export;
using Evaluators.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Kan;

/// <summary>
/// The exported TorchSharp network is the trained network: same parameter and buffer names, order,
/// shapes and values (the embedded coefficients and grid domains), same outputs on the same inputs
/// (in and outside the grid) to 1e-5, for every basis kind and with domains moved per node; and it
/// still builds without trained values.
/// </summary>
public class KanTorchSharpExportTests
{
    private const string Namespace = "Exported.Kan";

    public KanTorchSharpExportTests() => TorchRuntime.EnsureReady(1);

    private static readonly Lazy<(ExportLayer[] Layers, Assembly Assembly)> Compiled = new(() =>
    {
        var items = KanNetworks.All.Select(c => KanNetworks.Item(c, KanNetworks.Build(c)))
            .Append(new ExportItem(KanNetworks.Named("overrides").Genome, "no widths")).ToArray();
        var source = Exporter.Export("torchsharp", items, new ExportOptions { Namespace = Namespace, RunId = "run-kan" });
        return (ExportLayer.ResolveAll(items).ToArray(), InProcessCompiler.Compile(source));
    });

    private static nn.Module<Tensor, Tensor> Exported(string itemName, long[]? widths = null, bool trained = true)
    {
        var layer = Compiled.Value.Layers.Single(l => l.Item.Name == itemName);
        var type = Compiled.Value.Assembly.GetType($"{Namespace}.{layer.ClassName}", throwOnError: true)!;
        try
        {
            return (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type, [widths, trained])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    internal static void AssertClose(Tensor want, Tensor got, string what, double tolerance = 1e-5)
    {
        Assert.Equal(want.shape, got.shape);
        var a = want.to(float64).flatten().data<double>().ToArray();
        var b = got.to(float64).flatten().data<double>().ToArray();
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(a[i] - b[i]) <= tolerance * (1 + Math.Abs(a[i])), $"{what}[{i}]: {a[i]} vs {b[i]}");
    }

    [Theory]
    [MemberData(nameof(KanNetworks.Names), MemberType = typeof(KanNetworks))]
    public void Exported_network_has_the_trained_parameters_and_computes_the_trained_network(string name)
    {
        var c = KanNetworks.Named(name);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var compiled = KanNetworks.Build(c);
        using var exported = Exported("kan " + name);
        var want = compiled.state_dict();
        var got = exported.state_dict();
        Assert.Equal(want.Keys, got.Keys);
        foreach (var (key, value) in want)
        {
            Assert.Equal(value.shape, got[key].shape);
            Assert.True(value.eq(got[key]).all().item<bool>(), $"{name}: {key} differs from the trained value");
        }
        compiled.eval();
        exported.eval();
        var x = KanNetworks.Inputs(c.Widths[0]);
        AssertClose(compiled.forward(x), exported.forward(x), name);
    }

    /// <summary>Parameter gradients of sum(y^2), per parameter name, after one backward pass.</summary>
    internal static Dictionary<string, Tensor> Gradients(nn.Module<Tensor, Tensor> network, Tensor x)
    {
        network.zero_grad();
        network.forward(x).square().sum().backward();
        return network.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.detach().clone());
    }

    [Theory]
    [MemberData(nameof(KanNetworks.Names), MemberType = typeof(KanNetworks))]
    public void Exported_network_has_the_trained_network_gradients(string name)
    {
        var c = KanNetworks.Named(name);
        using var scope = NewDisposeScope();
        using var compiled = KanNetworks.Build(c);
        using var exported = Exported("kan " + name);
        var x = KanNetworks.Inputs(c.Widths[0]);
        var want = Gradients(compiled, x);
        var got = Gradients(exported, x);
        Assert.Equal(want.Keys, got.Keys);
        foreach (var (key, g) in want) AssertClose(g, got[key], $"{name}: d/d {key}");
    }

    [Theory]
    [InlineData("select")]
    [InlineData("grid update")]
    public void Exported_network_follows_a_move_to_float64(string name)
    {
        var c = KanNetworks.Named(name);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var compiled = KanNetworks.Build(c);
        using var exported = Exported("kan " + name);
        compiled.to(float64);
        exported.to(float64);
        Assert.All(exported.parameters(), p => Assert.Equal(float64, p.dtype));
        Assert.All(exported.buffers(), b => Assert.Equal(float64, b.dtype));
        var x = KanNetworks.Inputs(c.Widths[0]).to(float64);
        AssertClose(compiled.forward(x), exported.forward(x), "float64", 1e-10);
    }

    [Fact]
    public void Without_trained_values_the_layers_start_at_the_search_initialisation_of_the_same_shapes()
    {
        var c = KanNetworks.Named("overrides");
        using var scope = NewDisposeScope();
        using var compiled = KanNetworks.Build(c);
        using var fresh = Exported("kan overrides", trained: false);
        using var other = Exported("no widths", [5, 3, 2]);
        foreach (var module in new[] { fresh, other })
        {
            Assert.Equal(compiled.named_parameters().Select(p => $"{p.name} [{string.Join(",", p.parameter.shape)}]"),
                module.named_parameters().Select(p => $"{p.name} [{string.Join(",", p.parameter.shape)}]"));
            Assert.False(compiled.state_dict()["layer0.base_weight"].eq(module.state_dict()["layer0.base_weight"]).all().item<bool>());
            Assert.Equal(["layer0.grid_low_0 -1", "layer0.grid_high_0 1"], module.named_buffers()
                .Select(b => $"{b.name} {string.Join(",", b.buffer.data<float>().ToArray().Distinct())}"));
        }
        var e = Assert.Throws<ArgumentException>(() => Exported("no widths"));
        Assert.Contains("give widths", e.Message);
        Assert.Contains("at least 4 inputs", Assert.Throws<ArgumentException>(() => Exported("no widths", [3, 3, 2])).Message);
    }
}
