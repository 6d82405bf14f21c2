using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Data;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// The balancing-bias update of the exported classes against <see cref="MoeLayer.AfterStep"/> itself: from the
/// same state_dict, one training forward and <c>UpdateBias()</c> (TorchSharp, Roslyn) or <c>update_bias()</c>
/// (real PyTorch, eager and under torch.jit.script) leave the same balance_bias as one training forward and AfterStep, for every deterministic
/// token-choice case (bias rates 0 and > 0, top-k and top-p, with drops); an eval forward counts nothing and
/// a second update without a training forward moves nothing. The forward itself (top-p, the hand-set bias)
/// is compared with MoeLayer by <see cref="RoutingExportTorchSharpTests"/> and <see cref="RoutingExportPyTorchTests"/>.
/// Also: the generated TorchSharp class disposes its counters with itself.
/// </summary>
public class RoutingExportTopPBiasTests
{
    public RoutingExportTopPBiasTests() => TorchRuntime.EnsureReady(1);

    /// <summary>Token-choice cases without training noise (noisy top-k draws from each runtime's own generator).</summary>
    private static RoutingExportCases.Case[] BiasCases() =>
        RoutingExportCases.All.Where(c => c.Genome.Gate is not (GateType.ExpertChoice or GateType.NoisyTopK)).ToArray();

    private static float[] Values(Tensor t) => t.detach().to(float32).cpu().data<float>().ToArray();

    private static void Update(nn.Module<Tensor, Tensor> exported) => exported.GetType().GetMethod("UpdateBias")!.Invoke(exported, null);

    /// <summary>MoeLayer's bias after: an eval forward and AfterStep, a training forward and AfterStep, AfterStep again.</summary>
    private static (float[] AfterEval, float[] AfterTraining, float[] AfterSecond, long[] TrainingLoad) MoeSequence(RoutingExportCases.Case c, Tensor x)
    {
        using var moe = RoutingExportCases.Build(c);
        var step = new TrainingStep(c.Step ?? 0, 100);
        moe.forward(x);
        moe.AfterStep(step);
        var afterEval = Values(moe.BalanceBias!);
        moe.train();
        moe.forward(x);
        var load = moe.ExpertLoad;
        moe.AfterStep(step);
        var afterTraining = Values(moe.BalanceBias!);
        moe.AfterStep(step);
        return (afterEval, afterTraining, Values(moe.BalanceBias!), load);
    }

    [Fact]
    public void TorchSharp_UpdateBias_after_a_training_forward_is_MoeLayer_AfterStep()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool countsBeforeCapacity = false;
        foreach (var c in BiasCases())
        {
            var x = RoutingExportCases.Inputs(c);
            var want = MoeSequence(c, x);
            using var moe = RoutingExportCases.Build(c);
            using var exported = RoutingExportTorchSharpTests.Exported(c.Name);
            exported.load_state_dict(moe.state_dict());
            if (c.Step is { } s) exported.GetType().GetProperty("Step")!.SetValue(exported, s);
            exported.eval();
            exported.forward(x);
            Update(exported);
            Assert.Equal(want.AfterEval, Values(exported.get_buffer("balance_bias")!));
            exported.train();
            exported.forward(x);
            Update(exported);
            Assert.Equal(want.AfterTraining, Values(exported.get_buffer("balance_bias")!));
            Update(exported);
            Assert.Equal(want.AfterSecond, Values(exported.get_buffer("balance_bias")!));

            var start = c.Bias ?? new float[c.Genome.Experts];
            Assert.Equal(start, want.AfterEval);
            Assert.Equal(want.AfterTraining, want.AfterSecond);
            double u = c.Genome.BiasRate!.Value;
            if (u == 0) Assert.Equal(start, want.AfterTraining);
            else
            {
                Assert.NotEqual(start, want.AfterTraining);
                // Would counting the routes run (after capacity) have moved it otherwise? Then this case tells them apart.
                double mean = want.TrainingLoad.Average();
                var afterCapacity = start.Select((b, i) => b + (float)(u * Math.Sign(mean - want.TrainingLoad[i]))).ToArray();
                countsBeforeCapacity |= !afterCapacity.SequenceEqual(want.AfterTraining);
            }
        }
        Assert.True(countsBeforeCapacity, "no case tells routes chosen from routes run: drop more");
    }

    [Fact]
    public void Bias_cases_change_the_chosen_experts()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var c in RoutingExportCases.All.Where(c => c.Bias is not null))
        {
            using var moe = RoutingExportCases.Build(c);
            var x = RoutingExportCases.Inputs(c);
            var withBias = moe.forward(x);
            var load = moe.ExpertLoad;
            moe.BalanceBias!.zero_();
            var without = moe.forward(x);
            Assert.False(withBias.allclose(without), c.Name);
            Assert.NotEqual(load, moe.ExpertLoad);
        }
    }

    [Fact]
    public void TorchSharp_class_disposes_its_counters_with_itself()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var name in new[] { "softmax k2 bias", "top p 0.4", "expert choice" })
        {
            var c = RoutingExportCases.Named(name);
            var exported = RoutingExportTorchSharpTests.Exported(name);
            exported.train();
            exported.forward(RoutingExportCases.Inputs(c));
            var fields = exported.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                .Where(f => f.FieldType == typeof(Tensor) && f.Name.EndsWith('_')).ToArray(); // the counters, not the loss properties
            var counters = fields.Select(f => (Tensor)f.GetValue(exported)!).ToArray();
            Assert.Equal(c.Genome.Gate == GateType.ExpertChoice ? 3 : 4, counters.Length);
            Assert.All(counters, t => Assert.False(t.IsInvalid));
            exported.Dispose();
            Assert.All(counters, t => Assert.True(t.IsInvalid, name));
            Assert.All(fields, f => Assert.Null(f.GetValue(exported)));
        }
    }

    private const string Script = """
        import importlib.util, json, sys
        import torch
        spec = importlib.util.spec_from_file_location("moe_bias", sys.argv[1])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        def build(case):
            layer = getattr(module, case["class"])(case["features"], case["hidden"])
            layer.load_state_dict({k: torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"]) for k, v in case["state"].items()})
            if case["step"] is not None:
                layer.step = case["step"]
            return layer
        def sequence(layer, x):
            out = {}
            with torch.no_grad():
                layer.eval()
                layer(x)
                layer.update_bias()
                out["eval"] = layer.balance_bias.tolist()
                layer.train()
                layer(x)
                layer.update_bias()
                out["training"] = layer.balance_bias.tolist()
                layer.update_bias()
                out["second"] = layer.balance_bias.tolist()
            return out
        results = {}
        for case in json.load(open(sys.argv[2])):
            x = torch.tensor(case["inputs"], dtype=torch.float32).reshape(case["shape"])
            # A scripted module shares its parameters and buffers with the eager one: script a second layer.
            results[case["class"]] = dict(sequence(build(case), x), scripted=sequence(torch.jit.script(build(case)), x))
        json.dump(results, open(sys.argv[3], "w"))
        """;

    [TorchFact]
    public void PyTorch_update_bias_after_a_training_forward_is_MoeLayer_AfterStep()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var all = RoutingExportCases.All;
        var layers = RoutingExportCases.Layers();
        var cases = BiasCases();
        string Class(RoutingExportCases.Case c) => layers[Array.IndexOf(all, c)].ClassName;
        using var dir = new TempDir();
        File.WriteAllText(dir.File("moe_bias.py"), PyTorchExport.Write(layers, new ExportOptions()));
        var json = cases.Select(c =>
        {
            using var moe = RoutingExportCases.Build(c);
            return new
            {
                @class = Class(c),
                features = RoutingExportCases.Features,
                hidden = RoutingExportCases.Hidden,
                step = c.Step,
                state = moe.state_dict().ToDictionary(kv => kv.Key, kv => new { shape = kv.Value.shape, values = kv.Value.to(float64).flatten().data<double>().ToArray() }),
                shape = c.InputShape,
                inputs = RoutingExportCases.Inputs(c).to(float64).flatten().data<double>().ToArray(),
            };
        }).ToArray();
        File.WriteAllText(dir.File("cases.json"), JsonSerializer.Serialize(json));
        RealTorch.Run(Script, dir.File("moe_bias.py"), dir.File("cases.json"), dir.File("out.json"));
        var results = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))).RootElement;
        foreach (var c in cases)
        {
            var want = MoeSequence(c, RoutingExportCases.Inputs(c));
            var r = results.GetProperty(Class(c));
            foreach (var run in new[] { r, r.GetProperty("scripted") }) // eager, then torch.jit.script
            {
                float[] Got(string key) => run.GetProperty(key).EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
                Assert.Equal(want.AfterEval, Got("eval"));
                Assert.Equal(want.AfterTraining, Got("training"));
                Assert.Equal(want.AfterSecond, Got("second"));
            }
        }
    }
}
