using System.Reflection;
using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Tests.Export.Kan;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// The exported TorchSharp class, compiled with Roslyn, loads the search layer's state_dict (same names,
/// order and shapes) and computes the same eval-mode forward (outputs to 1e-5, the same expert loads,
/// dropped routes and tokens, and loss terms) for every gate, with capacities that drop routes.
/// </summary>
public class RoutingExportTorchSharpTests
{
    private const string Namespace = "Exported.Routing";

    public RoutingExportTorchSharpTests() => TorchRuntime.EnsureReady(1);

    private static readonly Lazy<(RoutingExportLayer[] Layers, Assembly Assembly)> Compiled = new(() =>
    {
        var layers = RoutingExportCases.Layers();
        var source = TorchSharpExport.Write(layers, new ExportOptions { Namespace = Namespace, RunId = "run-moe" });
        return (layers, InProcessCompiler.Compile(source));
    });

    internal static nn.Module<Tensor, Tensor> Exported(string caseName)
    {
        var layer = Compiled.Value.Layers.Single(l => l.Item.Name == "moe " + caseName);
        var type = Compiled.Value.Assembly.GetType($"{Namespace}.{layer.ClassName}", throwOnError: true)!;
        return (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type, [(long)RoutingExportCases.Features, (long)RoutingExportCases.Hidden])!;
    }

    private static T Get<T>(object module, string property) => (T)module.GetType().GetProperty(property)!.GetValue(module)!;

    [Theory]
    [MemberData(nameof(RoutingExportCases.Names), MemberType = typeof(RoutingExportCases))]
    public void Exported_layer_loads_the_state_dict_and_computes_the_search_layer(string name)
    {
        var c = RoutingExportCases.Named(name);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var moe = RoutingExportCases.Build(c);
        using var exported = Exported(name);
        var want = moe.state_dict();
        var fresh = exported.state_dict();
        Assert.Equal(want.Keys, fresh.Keys);
        foreach (var (key, value) in want) Assert.Equal(value.shape, fresh[key].shape);
        exported.load_state_dict(want);
        if (c.Step is { } step) exported.GetType().GetProperty("Step")!.SetValue(exported, step);
        Assert.Equal(moe.Temperature, Get<double>(exported, "Temperature"), 12);
        exported.eval();

        var x = RoutingExportCases.Inputs(c);
        var y = moe.forward(x);
        var got = exported.forward(x);
        KanTorchSharpExportTests.AssertClose(y, got, name);
        Assert.Equal(moe.ExpertLoad, Get<long[]>(exported, "ExpertLoad"));
        Assert.Equal(moe.DroppedRoutes, Get<long>(exported, "DroppedRoutes"));
        Assert.Equal(moe.DroppedTokens, Get<long>(exported, "DroppedTokens"));
        Assert.Equal(c.Drops, moe.DroppedTokens + moe.DroppedRoutes > 0);
        AssertSameTerm(moe.LoadBalanceTerm, exported, "LoadBalanceTerm");
        AssertSameTerm(moe.ZLossTerm, exported, "ZLossTerm");
        AssertSameTerm(moe.AuxiliaryLoss, exported, "AuxiliaryLoss");
    }

    private static void AssertSameTerm(Tensor? want, object exported, string property)
    {
        var got = exported.GetType().GetProperty(property)!.GetValue(exported) as Tensor;
        if (want is null) Assert.Null(got);
        else KanTorchSharpExportTests.AssertClose(want, got!, property);
    }

    [Fact]
    public void Noisy_gate_adds_noise_in_training_only()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var c = RoutingExportCases.Named("noisy k2");
        using var moe = RoutingExportCases.Build(c);
        using var exported = Exported(c.Name);
        exported.load_state_dict(moe.state_dict());
        var x = RoutingExportCases.Inputs(c);
        exported.eval();
        var a = exported.forward(x);
        Assert.True(a.eq(exported.forward(x)).all().item<bool>());
        exported.train();
        manual_seed(1);
        var b = exported.forward(x);
        Assert.False(a.allclose(b));
    }

    [Fact]
    public void Exported_layer_follows_a_move_to_float64()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var c = RoutingExportCases.Named("softmax k2");
        using var moe = RoutingExportCases.Build(c);
        using var exported = Exported(c.Name);
        exported.load_state_dict(moe.state_dict());
        moe.to(float64);
        exported.to(float64);
        exported.eval();
        Assert.All(exported.parameters(), p => Assert.Equal(float64, p.dtype));
        var x = RoutingExportCases.Inputs(c).to(float64);
        KanTorchSharpExportTests.AssertClose(moe.forward(x), exported.forward(x), "float64", 1e-10);
    }
}
