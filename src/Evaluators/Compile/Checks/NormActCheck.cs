using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Compile.Checks;

/// <summary>
/// Numerical checks of <see cref="NormActModule"/>: known layers written as genomes against
/// TorchSharp's own modules or hand-written ones (float32, train mode over a few batches, then eval
/// mode with the running statistics those batches moved), and random genomes against the engine's
/// exact <see cref="NormActReference"/> (float64, train mode). Used by the tests and the
/// normact-check benchmark.
/// </summary>
public static class NormActCheck
{
    public const string BnRelu = "max((x - batch_mean(x)) / batch_std(x) * gamma + beta, 0)";
    public const string GnRelu = "max((x - group_mean(x)) / group_std(x) * gamma + beta, 0)";
    public const string EvoNormB0 = "x / max(batch_std(x), v1 * x + instance_std(x)) * gamma + beta";
    public const string EvoNormS0 = "x * sigmoid(v1 * x) / group_std(x) * gamma + beta";

    /// <summary>A check's largest difference over the values compared.</summary>
    public sealed record Row(string Name, double MaxDiff, long Compared);

    private static readonly NormActFamily Family = new();

    /// <summary>BN-ReLU, GN-ReLU, EvoNorm-B0 and S0, each a "train" and an "eval" row of max abs differences.</summary>
    public static IReadOnlyList<Row> AgainstHandWritten(ulong seed = 1, int trainSteps = 3, int channels = 16, int groups = 4)
    {
        var rows = new List<Row>();
        Pair("bn-relu", BnRelu, nn.Sequential(("bn", nn.BatchNorm2d(channels)), ("relu", nn.ReLU())),
            new() { ["gamma"] = "bn.weight", ["beta"] = "bn.bias" });
        Pair("gn-relu", GnRelu, nn.Sequential(("gn", nn.GroupNorm(groups, channels)), ("relu", nn.ReLU())),
            new() { ["gamma"] = "gn.weight", ["beta"] = "gn.bias" });
        Pair("evonorm-b0", EvoNormB0, new EvoNormB0Reference(channels), new() { ["v1"] = "v", ["gamma"] = "weight", ["beta"] = "bias" });
        Pair("evonorm-s0", EvoNormS0, new EvoNormS0Reference(channels, groups), new() { ["v1"] = "v", ["gamma"] = "weight", ["beta"] = "bias" });
        return rows;

        void Pair(string name, string text, nn.Module<Tensor, Tensor> reference, Dictionary<string, string> names)
        {
            using var scope = NewDisposeScope();
            var rng = new Rng(seed);
            using var compiled = new NormActModule(Family.Parse(text), channels, groups);
            using var referenceOwner = reference;
            SetParameters(compiled, reference, names, rng, channels);
            double train = 0, eval = 0;
            long count = 0;
            for (int step = 0; step < trainSteps; step++)
            {
                compiled.train();
                reference.train();
                var x = RandomBatch(rng, channels);
                train = Math.Max(train, MaxAbs(compiled.forward(x), reference.forward(x)));
                count += x.numel();
            }
            compiled.eval();
            reference.eval();
            var probe = RandomBatch(rng, channels);
            eval = MaxAbs(compiled.forward(probe), reference.forward(probe));
            rows.Add(new Row($"{name} train", train, count));
            rows.Add(new Row($"{name} eval", eval, probe.numel()));
        }
    }

    /// <summary>
    /// Random genomes (the family's generator) against the engine's double evaluator in training
    /// mode, with random per-channel parameters. The difference is |compiled - reference| /
    /// max(1, |reference|) over finite reference values; a finite reference value the compiled layer
    /// misses counts as infinite.
    /// </summary>
    public static Row AgainstEngineReference(int genomes = 200, ulong seed = 7, int channels = 12, int groups = 4)
    {
        var family = new NormActFamily(new NormActSpace { Groups = groups });
        var rng = new Rng(seed);
        double worst = 0;
        long compared = 0;
        for (int i = 0; i < genomes; i++)
        {
            var genome = family.Random(rng);
            var x = new double[4, channels, 5, 5];
            for (int n = 0; n < 4; n++) for (int c = 0; c < channels; c++) for (int h = 0; h < 5; h++) for (int w = 0; w < 5; w++)
                x[n, c, h, w] = rng.Normal() * 1.5 + 0.2 * c;
            var parameters = genome.Parameters.Keys.ToDictionary(k => k, k => Enumerable.Range(0, channels)
                .Select(_ => NormActPrimitives.Parameters[k] + 0.3 * rng.Normal()).ToArray());
            var want = NormActReference.Evaluate(genome, x, groups, parameters);

            using var scope = NewDisposeScope();
            using var module = new NormActModule(genome, channels, groups);
            module.to(ScalarType.Float64);
            using (no_grad())
                foreach (var (name, p) in module.named_parameters())
                    p.copy_(tensor(parameters[name], float64).reshape(1, channels, 1, 1));
            module.train();
            var got = module.forward(tensor(x.Cast<double>().ToArray(), [4, channels, 5, 5], float64)).data<double>().ToArray();
            var flat = want.Cast<double>().ToArray();
            for (int j = 0; j < flat.Length; j++)
            {
                if (!double.IsFinite(flat[j])) continue;
                compared++;
                double d = double.IsFinite(got[j]) ? Math.Abs(got[j] - flat[j]) / Math.Max(1, Math.Abs(flat[j])) : double.PositiveInfinity;
                worst = Math.Max(worst, d);
            }
        }
        return new Row($"{genomes} random genomes vs NormActReference (float64, scaled)", worst, compared);
    }

    private static void SetParameters(NormActModule compiled, nn.Module<Tensor, Tensor> reference, Dictionary<string, string> names,
        Rng rng, int channels)
    {
        var referenceParameters = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var noGrad = no_grad();
        foreach (var (name, p) in compiled.named_parameters())
        {
            var values = Enumerable.Range(0, channels).Select(_ => (float)(NormActPrimitives.Parameters[name] + 0.3 * rng.Normal())).ToArray();
            var t = tensor(values);
            p.copy_(t.reshape(p.shape));
            var r = referenceParameters[names[name]];
            r.copy_(t.reshape(r.shape));
        }
    }

    // An offset per channel so the running statistics have somewhere to move.
    private static Tensor RandomBatch(Rng rng, int channels, int n = 8, int size = 6)
    {
        var values = new float[n * channels * size * size];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(rng.Normal() * 1.5 + 0.25 * (i / (size * size) % channels));
        return tensor(values, [n, channels, size, size]);
    }

    private static double MaxAbs(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
