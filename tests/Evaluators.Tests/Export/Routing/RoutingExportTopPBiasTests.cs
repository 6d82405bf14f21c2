using System.Reflection;
using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Tests.Data;
using Evaluators.Tests.Export.Kan;
using Evaluators.Tests.Families.Routing;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// Top-p selection and the balancing bias, which the genome does not have yet: the export layer's
/// <see cref="RoutingExportLayer.TopP"/> and <see cref="RoutingExportLayer.BiasRate"/> set by hand on a
/// softmax_topk genome. The TorchSharp class (Roslyn) and the PyTorch class (real PyTorch) are compared
/// with a token-by-token reference of the rules (selection on p + b, weights p, rank-major queue,
/// capacity from the routes taken, drops) and the bias update; with a zero bias top-k is the search layer.
/// </summary>
public class RoutingExportTopPBiasTests
{
    private const string Namespace = "Exported.RoutingTopP";
    private static readonly float[] Bias = [0.05f, -0.1f, 0.2f, 0f];

    public RoutingExportTopPBiasTests() => TorchRuntime.EnsureReady(1);

    private static readonly RoutingGenome Genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, 0.5);

    private static readonly RoutingExportLayer[] Layers =
    [
        RoutingExportLayer.Of(new ExportItem(Genome, "top p bias"), Genome, "TopPBias") with { TopP = 0.6, BiasRate = 0.1 },
        RoutingExportLayer.Of(new ExportItem(Genome, "top p"), Genome, "TopP") with { TopP = 0.5 },
        RoutingExportLayer.Of(new ExportItem(Genome, "top k bias"), Genome, "TopKBias") with { BiasRate = 0.25 },
    ];

    private static readonly Lazy<Assembly> Compiled = new(() =>
        InProcessCompiler.Compile(TorchSharpExport.Write(Layers, new ExportOptions { Namespace = Namespace })));

    private static nn.Module<Tensor, Tensor> Exported(RoutingExportLayer layer) =>
        (nn.Module<Tensor, Tensor>)Activator.CreateInstance(Compiled.Value.GetType($"{Namespace}.{layer.ClassName}", throwOnError: true)!,
            [(long)RoutingExportCases.Features, (long)RoutingExportCases.Hidden])!;

    private static MoeLayer Moe() => RoutingExportCases.Build(new RoutingExportCases.Case("base", Genome, [12, RoutingExportCases.Features]));

    private static Tensor Inputs()
    {
        manual_seed(29);
        return randn(12, RoutingExportCases.Features);
    }

    /// <summary>The rules token by token in float64: output, load per expert, dropped routes, dropped tokens.</summary>
    private static (double[,] Y, long[] Load, long DroppedRoutes, long DroppedTokens) Reference(MoeLayer moe, RoutingExportLayer layer, Tensor x, float[] bias)
    {
        var xd = x.to(float64);
        var p = softmax(nn.functional.linear(xd, moe.RouterWeight.to(float64)).div(moe.Temperature), 1).data<double>().ToArray();
        int n = (int)x.shape[0], e = Genome.Experts, d = (int)x.shape[1];
        var routes = new List<(int Rank, int Token, int Expert, double Weight)>();
        for (int t = 0; t < n; t++)
        {
            var ranked = Enumerable.Range(0, e).OrderByDescending(i => p[t * e + i] + bias[i]).ToArray();
            if (layer.TopP is { } topP)
            {
                double before = 0;
                for (int r = 0; r < e; r++)
                {
                    if (r == 0 || before < topP) routes.Add((r, t, ranked[r], p[t * e + ranked[r]]));
                    before += p[t * e + ranked[r]];
                }
            }
            else
            {
                int k = Genome.K!.Value;
                double sum = ranked.Take(k).Sum(i => p[t * e + i]);
                for (int r = 0; r < k; r++) routes.Add((r, t, ranked[r], p[t * e + ranked[r]] / sum));
            }
        }
        double taken = layer.TopP is null ? n * Genome.K!.Value : routes.Count;
        long capacity = Math.Min(n, Math.Max(1L, (long)Math.Floor(Genome.Capacity * taken / e + 1e-9)));
        var y = new double[n, d];
        var load = new long[e];
        var keptPerToken = new int[n];
        long dropped = 0;
        var b = moe.Experts;
        foreach (var (_, t, i, w) in routes.OrderBy(r => r.Rank).ThenBy(r => r.Token))
        {
            if (load[i] >= capacity) { dropped++; continue; }
            load[i]++;
            keptPerToken[t]++;
            var h = nn.functional.gelu(xd[t].matmul(b.W1[i].to(float64)).add(b.B1[i].to(float64)));
            var f = h.matmul(b.W2[i].to(float64)).add(b.B2[i].to(float64)).data<double>().ToArray();
            for (int j = 0; j < d; j++) y[t, j] += w * f[j];
        }
        return (y, load, dropped, keptPerToken.Count(c => c == 0));
    }

    private static void AssertReference((double[,] Y, long[] Load, long DroppedRoutes, long DroppedTokens) want, double[] y,
        long[] load, long droppedRoutes, long droppedTokens, string what)
    {
        var flat = want.Y.Cast<double>().ToArray();
        Assert.Equal(flat.Length, y.Length);
        for (int i = 0; i < flat.Length; i++)
            Assert.True(Math.Abs(flat[i] - y[i]) <= 1e-5 * (1 + Math.Abs(flat[i])), $"{what}: y[{i}] {flat[i]} vs {y[i]}");
        Assert.Equal(want.Load, load);
        Assert.Equal(want.DroppedRoutes, droppedRoutes);
        Assert.Equal(want.DroppedTokens, droppedTokens);
    }

    private static T Get<T>(object module, string property) => (T)module.GetType().GetProperty(property)!.GetValue(module)!;

    private static double[] BiasAfter(long[] load, float[] bias, double rate)
    {
        double mean = load.Average();
        return bias.Select((v, i) => (double)(float)(v + (float)(rate * Math.Sign(mean - load[i])))).ToArray();
    }

    [Fact]
    public void TorchSharp_top_p_and_bias_follow_the_rules_and_move_the_bias()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var moe = Moe();
        var x = Inputs();
        foreach (var layer in Layers)
        {
            using var exported = Exported(layer);
            var state = moe.state_dict();
            var bias = layer.HasBias ? Bias : new float[4];
            if (layer.HasBias) state["balance_bias"] = tensor(Bias);
            Assert.Equal(state.Keys.Order(), exported.state_dict().Keys.Order());
            exported.load_state_dict(state);
            exported.eval();
            var y = exported.forward(x).to(float64).flatten().data<double>().ToArray();
            var load = Get<long[]>(exported, "ExpertLoad");
            var want = Reference(moe, layer, x, bias);
            AssertReference(want, y, load, Get<long>(exported, "DroppedRoutes"), Get<long>(exported, "DroppedTokens"), layer.ClassName);
            Assert.True(want.DroppedRoutes > 0, $"{layer.ClassName} drops nothing: capacity too large for the test");
            if (layer.BiasRate is { } rate)
            {
                exported.GetType().GetMethod("UpdateBias")!.Invoke(exported, null);
                var moved = exported.get_buffer("balance_bias")!.to(float64).data<double>().ToArray();
                Assert.Equal(BiasAfter(load, Bias, rate), moved);
            }
        }
    }

    [Fact]
    public void TorchSharp_top_k_with_a_zero_bias_is_the_search_layer()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var moe = Moe();
        using var exported = Exported(Layers[2]);
        var state = moe.state_dict();
        state["balance_bias"] = zeros(4);
        exported.load_state_dict(state);
        exported.eval();
        var x = Inputs();
        KanTorchSharpExportTests.AssertClose(moe.forward(x), exported.forward(x), "zero bias");
        Assert.Equal(moe.ExpertLoad, Get<long[]>(exported, "ExpertLoad"));
    }

    private const string Script = """
        import importlib.util, json, sys
        import torch
        spec = importlib.util.spec_from_file_location("moe_top_p", sys.argv[1])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        results = {}
        for case in json.load(open(sys.argv[2])):
            layer = getattr(module, case["class"])(case["features"], case["hidden"])
            keys = sorted(layer.state_dict().keys())
            layer.load_state_dict({k: torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"]) for k, v in case["state"].items()})
            layer.eval()
            with torch.no_grad():
                y = layer(torch.tensor(case["inputs"], dtype=torch.float32).reshape(case["shape"]))
            out = {"y": y.flatten().tolist(), "load": layer.load.tolist(), "keys": keys,
                   "dropped_routes": layer.dropped_routes.item(), "dropped_tokens": layer.dropped_tokens.item()}
            if hasattr(layer, "update_bias"):
                layer.update_bias()
                out["bias"] = layer.balance_bias.tolist()
            results[case["class"]] = out
        json.dump(results, open(sys.argv[3], "w"))
        """;

    [TorchFact]
    public void PyTorch_top_p_and_bias_follow_the_rules_and_move_the_bias()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var moe = Moe();
        var x = Inputs();
        using var dir = new TempDir();
        File.WriteAllText(dir.File("moe_top_p.py"), PyTorchExport.Write(Layers, new ExportOptions()));
        var cases = Layers.Select(layer =>
        {
            var state = moe.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value);
            if (layer.HasBias) state["balance_bias"] = tensor(Bias);
            return new
            {
                @class = layer.ClassName,
                features = RoutingExportCases.Features,
                hidden = RoutingExportCases.Hidden,
                state = state.ToDictionary(kv => kv.Key, kv => new { shape = kv.Value.shape, values = kv.Value.to(float64).flatten().data<double>().ToArray() }),
                shape = x.shape,
                inputs = x.to(float64).flatten().data<double>().ToArray(),
            };
        });
        File.WriteAllText(dir.File("cases.json"), JsonSerializer.Serialize(cases));
        RealTorch.Run(Script, dir.File("moe_top_p.py"), dir.File("cases.json"), dir.File("out.json"));
        var results = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))).RootElement;
        foreach (var layer in Layers)
        {
            var r = results.GetProperty(layer.ClassName);
            var keys = moe.state_dict().Keys.Concat(layer.HasBias ? ["balance_bias"] : Array.Empty<string>()).Order();
            Assert.Equal(keys, r.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!));
            var load = r.GetProperty("load").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            AssertReference(Reference(moe, layer, x, layer.HasBias ? Bias : new float[4]),
                r.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray(), load,
                r.GetProperty("dropped_routes").GetInt64(), r.GetProperty("dropped_tokens").GetInt64(), layer.ClassName);
            if (layer.BiasRate is { } rate)
                Assert.Equal(BiasAfter(load, Bias, rate), r.GetProperty("bias").EnumerateArray().Select(v => v.GetDouble()).ToArray());
        }
    }
}
