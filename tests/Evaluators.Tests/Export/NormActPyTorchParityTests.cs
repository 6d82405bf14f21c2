using System.Text.Json;
using Evaluators.Compile;
using Evaluators.Export;
using Evaluators.Runtime;
using Evaluators.Tests.Data;
using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>
/// The exported norm-act classes run in real PyTorch (/usr/bin/python3), eagerly and after
/// torch.jit.script: loaded with the compiled <see cref="NormActModule"/>'s parameters, they give its
/// outputs to 1e-5 over training steps (and its running buffers after each) and then in evaluation,
/// and end with its state_dict (keys in order, shapes, values). One Python process for all genomes.
/// </summary>
public class NormActPyTorchParityTests
{
    private const int C = 6, Groups = 4; // lowered to 3 groups
    private static readonly NormActFamily Family = new();

    public NormActPyTorchParityTests() => TorchRuntime.EnsureReady(1);

    private static NormActGenome[] Genomes()
    {
        var rng = new Rng(5);
        return new[]
        {
            "max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)", // batch mean and std (BN-ReLU)
            "x * sigmoid(x * v1) / group_std(x) * gamma + beta", // group std (EvoNorm-S0)
            "x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta", // instance std (EvoNorm-B0)
            "x * batch_m2(x) + layer_mean(x) - layer_m2(x) * instance_m2(x) + group_mean(x) / group_m2(x)", // the other moments
            "(x - layer_mean(x)) / layer_std(x) * gamma + instance_mean(x) * beta", // layer std, instance mean
            // One batch statistic used twice: one buffer, updated once per call.
            "(x - batch_mean(x)) * batch_mean(x) + x / batch_std(x)",
            // Several buffers of one kind, batch statistics of reduced-shape operands and of a constant.
            "(x - batch_mean(x)) / batch_std(x) + batch_mean(x * x) * batch_std(instance_mean(x)) + batch_m2(v1) * x + batch_mean(2)",
            "x * gamma + batch_mean(layer_std(2))", // a constant statistic: an unused buffer
        }.Select(Family.Parse).Concat(Enumerable.Range(0, 8).Select(_ => Family.Random(rng))).ToArray();
    }

    // Builds each class, loads the case's state, scripts a copy, then runs both through the case's
    // training inputs and evaluation inputs, recording outputs and buffers; then the final state.
    private const string Script = TorchJson.PythonHelpers + """
        module = load(sys.argv[1])
        results = {}
        for case in json.load(open(sys.argv[2])):
            net = getattr(module, case["class"])(case["channels"], groups=case["groups"], momentum=case["momentum"])
            fresh = [[k, list(v.shape)] for k, v in net.state_dict().items()]
            net.load_state_dict({k: tensor(v) for k, v in case["state"].items()})
            scripted = torch.jit.script(copy.deepcopy(net))
            out = {"fresh": fresh}
            for name, m in (("eager", net), ("scripted", scripted)):
                runs = []
                for mode in ("train", "eval"):
                    m.train(mode == "train")
                    for x in case[mode]:
                        runs.append({"y": flat(m(tensor(x))), "buffers": {k: flat(b) for k, b in m.named_buffers()}})
                out[name] = {"runs": runs, "state": state(m)}
            results[case["class"]] = out
        json.dump(results, open(sys.argv[3], "w"))
        """;

    // Non-trivial inputs: per-channel offsets and scales, a fresh draw per seed; (N, C) when flat.
    private static Tensor Input(ulong seed, bool flat = false)
    {
        using var g = new Generator(seed);
        var shape = flat ? new long[] { 5, C } : [4, C, 3, 2];
        var offsets = arange(C, float32).mul(0.3).view(flat ? new long[] { 1, C } : [1, C, 1, 1]);
        return randn(shape, generator: g).mul(1.5).add(offsets);
    }

    [TorchFact]
    public void Every_aggregate_kind_matches_the_compiled_module_in_real_pytorch_eagerly_and_scripted()
    {
        using var scope = NewDisposeScope();
        var genomes = Genomes();
        var items = genomes.Select((g, i) => new ExportItem(g, $"layer {i}")).ToArray();
        var classes = ExportLayer.ResolveAll(items).Select(l => l.ClassName).ToArray();

        // The compiled side: perturbed parameters, 3 training steps (one on (N, C)), 1 evaluation.
        var modules = new List<NormActModule>();
        try
        {
            Check(genomes, items, classes, modules);
        }
        finally
        {
            foreach (var m in modules) m.Dispose();
        }
    }

    private static void Check(NormActGenome[] genomes, ExportItem[] items, string[] classes, List<NormActModule> modules)
    {
        var cases = new List<object>();
        var expected = new List<(double[] Y, Dictionary<string, double[]> Buffers)[]>();
        for (int i = 0; i < genomes.Length; i++)
        {
            var compiled = new NormActModule(genomes[i], C, Groups);
            modules.Add(compiled);
            using (no_grad())
            {
                using var g = new Generator(100 + (ulong)i);
                foreach (var (_, p) in compiled.named_parameters()) p.add_(randn(p.shape, generator: g).mul(0.5));
            }
            var start = compiled.state_dict().ToDictionary(kv => kv.Key, kv => TorchJson.Of(kv.Value));
            var train = new[] { Input(10 * (ulong)i), Input(10 * (ulong)i + 1, flat: true), Input(10 * (ulong)i + 2) };
            var eval = new[] { Input(999) };
            var runs = new List<(double[], Dictionary<string, double[]>)>();
            foreach (var (mode, inputs) in new[] { (true, train), (false, eval) })
            {
                compiled.train(mode);
                using var noGrad = no_grad();
                foreach (var x in inputs)
                    runs.Add((TorchJson.Flat(compiled.forward(x)), compiled.named_buffers().ToDictionary(b => b.name, b => TorchJson.Flat(b.buffer))));
            }
            expected.Add(runs.ToArray());
            cases.Add(new
            {
                @class = classes[i], channels = C, groups = Groups, momentum = NormActModule.DefaultMomentum, state = start,
                train = train.Select(TorchJson.Of), eval = eval.Select(TorchJson.Of),
            });
        }

        using var dir = new TempDir();
        File.WriteAllText(dir.File("norm_act.py"), Exporter.Export("pytorch", items, new ExportOptions { RunId = "run-norm-act" }));
        File.WriteAllText(dir.File("cases.json"), JsonSerializer.Serialize(cases));
        RealTorch.Run(Script, dir.File("norm_act.py"), dir.File("cases.json"), dir.File("out.json"));
        var results = JsonDocument.Parse(File.ReadAllText(dir.File("out.json"))).RootElement;

        for (int i = 0; i < genomes.Length; i++)
        {
            string what = genomes[i].Text;
            var r = results.GetProperty(classes[i]);
            var final = modules[i].state_dict();
            Assert.Equal(final.Select(kv => $"{kv.Key} {string.Join(",", kv.Value.shape)}"),
                r.GetProperty("fresh").EnumerateArray().Select(f => $"{f[0].GetString()} {string.Join(",", TorchJson.Longs(f[1]))}"));
            foreach (var side in new[] { "eager", "scripted" })
            {
                var runs = r.GetProperty(side).GetProperty("runs").EnumerateArray().ToArray();
                Assert.Equal(expected[i].Length, runs.Length);
                for (int k = 0; k < runs.Length; k++)
                {
                    string step = $"{what} ({side}, {(k < 3 ? $"training step {k}" : "evaluation")})";
                    TorchJson.AssertClose(expected[i][k].Y, TorchJson.Doubles(runs[k].GetProperty("y")), step);
                    var buffers = runs[k].GetProperty("buffers");
                    Assert.Equal(expected[i][k].Buffers.Keys, buffers.EnumerateObject().Select(b => b.Name));
                    foreach (var (name, values) in expected[i][k].Buffers)
                        TorchJson.AssertClose(values, TorchJson.Doubles(buffers.GetProperty(name)), $"{step}: buffer {name}");
                }
                TorchJson.AssertState(final, r.GetProperty(side).GetProperty("state"), $"{what} ({side}) final state");
            }
        }
    }
}
