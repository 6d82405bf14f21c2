using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// The exported PyTorch classes run in real PyTorch (/usr/bin/python3): each is built at (features,
/// hidden), loads the search layer's state_dict (written to a file with the inputs), and in eval mode
/// gives the search layer's outputs to 1e-5, its expert loads, dropped routes and tokens, and loss terms,
/// for every gate, with capacities that drop routes; so does each class scripted with torch.jit.script (scripted
/// before the eager forward, from the same attributes). Skipped, saying how to install it, without torch.
/// </summary>
public class RoutingExportPyTorchTests
{
    public RoutingExportPyTorchTests() => TorchRuntime.EnsureReady(1);

    private const string Script = """
        import importlib.util, json, sys
        import torch
        spec = importlib.util.spec_from_file_location("moe_export", sys.argv[1])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        def term(t):
            return None if t is None else t.item()
        def run(layer, x):
            with torch.no_grad():
                y = layer(x)
            return {"y": y.flatten().tolist(), "shape": list(y.shape), "temperature": layer.temperature(), "load": layer.load.tolist(),
                    "dropped_routes": layer.dropped_routes.item(), "dropped_tokens": layer.dropped_tokens.item(),
                    "load_balance": term(layer.load_balance), "z_loss": term(layer.z_loss), "aux_loss": term(layer.aux_loss)}
        results = {}
        for case in json.load(open(sys.argv[2])):
            cls = getattr(module, case["class"])
            layer = cls(case["features"], case["hidden"])
            fresh = {k: list(v.shape) for k, v in layer.state_dict().items()}
            layer.load_state_dict({k: torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"]) for k, v in case["state"].items()})
            if case["step"] is not None:
                layer.step = case["step"]
            layer.eval()
            scripted = torch.jit.script(layer)  # before the eager forward, so it starts from the same attributes
            x = torch.tensor(case["inputs"], dtype=torch.float32).reshape(case["shape"])
            results[case["class"]] = dict(run(layer, x), fresh=fresh, scripted=run(scripted, x))
        json.dump(results, open(sys.argv[3], "w"))
        """;

    private static double[] Flat(Tensor t) => t.detach().to(float64).flatten().data<double>().ToArray();

    private static void AssertClose(double want, double got, string what) =>
        Assert.True(Math.Abs(want - got) <= 1e-5 * (1 + Math.Abs(want)), $"{what}: {want} vs {got}");

    [TorchFact]
    public void Every_gate_matches_the_search_layer_in_real_pytorch()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var cases = RoutingExportCases.All;
        var layers = RoutingExportCases.Layers();
        var moes = cases.Select(RoutingExportCases.Build).ToArray();
        var inputs = cases.Select(RoutingExportCases.Inputs).ToArray();
        using var dir = new TempDir();
        File.WriteAllText(dir.File("moe_export.py"), PyTorchExport.Write(layers, new ExportOptions { RunId = "run-moe" }));
        var json = cases.Select((c, i) => new
        {
            @class = layers[i].ClassName,
            features = RoutingExportCases.Features,
            hidden = RoutingExportCases.Hidden,
            step = c.Step,
            state = moes[i].state_dict().ToDictionary(kv => kv.Key, kv => new { shape = kv.Value.shape, values = Flat(kv.Value) }),
            shape = c.InputShape,
            inputs = Flat(inputs[i]),
        });
        File.WriteAllText(dir.File("cases.json"), JsonSerializer.Serialize(json));
        RealTorch.Run(Script, dir.File("moe_export.py"), dir.File("cases.json"), dir.File("out.json"));
        var results = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))).RootElement;

        for (int i = 0; i < cases.Length; i++)
        {
            var (moe, what) = (moes[i], cases[i].Name);
            var r = results.GetProperty(layers[i].ClassName);
            var want = moe.state_dict();
            var fresh = r.GetProperty("fresh").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetInt64()).ToArray());
            Assert.Equal(want.Keys.Order(), fresh.Keys.Order());
            foreach (var (key, value) in want) Assert.Equal(value.shape, fresh[key]);

            var y = moe.forward(inputs[i]);
            Matches(moe, y, r, what);
            Matches(moe, y, r.GetProperty("scripted"), what + " (torch.jit.script)");
        }
    }

    /// <summary>The search layer's outputs, temperature, loads, drops and loss terms after its forward giving <paramref name="y"/>.</summary>
    private static void Matches(MoeLayer moe, Tensor y, JsonElement r, string what)
    {
        Assert.Equal(y.shape, r.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray());
        var expected = Flat(y);
        var got = r.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int j = 0; j < expected.Length; j++) AssertClose(expected[j], got[j], $"{what}: y[{j}]");
        AssertClose(moe.Temperature, r.GetProperty("temperature").GetDouble(), $"{what}: temperature");
        Assert.Equal(moe.ExpertLoad, r.GetProperty("load").EnumerateArray().Select(v => v.GetInt64()).ToArray());
        Assert.Equal(moe.DroppedRoutes, r.GetProperty("dropped_routes").GetInt64());
        Assert.Equal(moe.DroppedTokens, r.GetProperty("dropped_tokens").GetInt64());
        Term(moe.LoadBalanceTerm, r.GetProperty("load_balance"), $"{what}: load balance");
        Term(moe.ZLossTerm, r.GetProperty("z_loss"), $"{what}: z-loss");
        Term(moe.AuxiliaryLoss, r.GetProperty("aux_loss"), $"{what}: aux loss");
    }

    private static void Term(Tensor? want, JsonElement got, string what)
    {
        if (want is null) Assert.Equal(JsonValueKind.Null, got.ValueKind);
        else AssertClose(want.item<float>(), got.GetDouble(), what);
    }
}
