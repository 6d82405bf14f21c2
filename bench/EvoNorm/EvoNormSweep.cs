using System.Globalization;

namespace Bench.EvoNorm;

/// <summary>
/// One-factor-at-a-time sweep: from the base condition (the options), change training length
/// (epochs x3), optimizer (SGD 0.05, momentum 0.9), data size (images x4) or the residual
/// connections (resnet vs plaincnn), and measure S0 minus BN-ReLU at batch 4 and 128. The batch
/// effect is gap(4) - gap(128), paired per seed; its change from the base says whether the factor
/// makes the batch size matter.
/// </summary>
public static class EvoNormSweep
{
    private const int Small = 4, Large = 128;

    public sealed record Condition(string Key, string Label, EvoNormBatchOptions Options, string Arch);

    public static IReadOnlyList<Condition> Conditions(EvoNormBatchOptions o)
    {
        string other = o.SweepArch == "plaincnn" ? "resnet" : "plaincnn";
        return
        [
            new("base", $"base: {o.SweepArch}, {o.Epochs} epoch(s), {o.Images} images, {o.Optimizer} {Lr(o.LearningRate)}", o, o.SweepArch),
            new("epochs", $"epochs x3 ({o.Epochs * 3})", o with { Epochs = o.Epochs * 3 }, o.SweepArch),
            new("sgd", "sgd 0.05 momentum 0.9", o with { Optimizer = "sgd", LearningRate = 0.05, Momentum = 0.9 }, o.SweepArch),
            new("images", $"images x4 ({o.Images * 4})", o with { Images = o.Images * 4 }, o.SweepArch),
            new("arch", $"architecture {other} instead of {o.SweepArch}", o, other),
        ];
    }

    public static Figures Run(EvoNormBatchOptions o, EvoNormCellRunner runner, Action<string> log)
    {
        log($"sweep on {o.SweepArch}: S0 minus BN-ReLU test accuracy at batch {Small} and {Large}, equal epochs, seeds 1..{o.Seeds}, test on the first {o.TestImages} test images; ± is the paired per-seed sample sd");
        log($"| condition | bn b{Small} | s0 b{Small} | bn b{Large} | s0 b{Large} | gap b{Small} | gap b{Large} | batch effect (gap b{Small} - gap b{Large}) | change vs base |\n|---|---|---|---|---|---|---|---|---|");
        var figures = new Figures();
        double baseEffect = double.NaN;
        var chosen = Conditions(o).Where(c => o.SweepConditions is null || o.SweepConditions.Contains(c.Key)).ToList();
        if (o.SweepConditions?.FirstOrDefault(k => chosen.All(c => c.Key != k)) is string unknown)
            throw new ArgumentException($"--conditions: unknown condition '{unknown}'; expected some of {string.Join(",", Conditions(o).Select(c => c.Key))}");
        foreach (var c in chosen)
        {
            double[] Acc(string layer, int batch) =>
                runner.Run(c.Arch, layer, EvoNormBatchBenchmark.Settings(c.Options, batch), c.Options.Images, c.Options.Seeds, log);
            var bnS = Acc(EvoNormLayers.BnRelu, Small);
            var s0S = Acc(EvoNormLayers.S0, Small);
            var bnL = Acc(EvoNormLayers.BnRelu, Large);
            var s0L = Acc(EvoNormLayers.S0, Large);
            var gapS = SeedSummary.Paired(s0S, bnS);
            var gapL = SeedSummary.Paired(s0L, bnL);
            var effect = SeedSummary.Paired(gapS, gapL);
            if (c.Key == "base") baseEffect = Stats.Mean(effect);
            double change = Stats.Mean(effect) - baseEffect;
            log($"| {c.Label} | {SeedSummary.Format(bnS)} | {SeedSummary.Format(s0S)} | {SeedSummary.Format(bnL)} | {SeedSummary.Format(s0L)} | " +
                $"{SeedSummary.Format(gapS, true)} | {SeedSummary.Format(gapL, true)} | {SeedSummary.Format(effect, true)} | {(double.IsNaN(change) ? "n/a (no base run)" : change.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture))} |");
            figures.Add($"sweep_{c.Key}_s0_minus_bnrelu_b{Small}", Stats.Mean(gapS));
            figures.Add($"sweep_{c.Key}_s0_minus_bnrelu_b{Large}", Stats.Mean(gapL));
            figures.Add($"sweep_{c.Key}_batch_effect", Stats.Mean(effect));
            figures.Add($"sweep_{c.Key}_batch_effect_sd", Stats.Sd(effect));
        }
        return figures;
    }

    private static string Lr(double lr) => lr.ToString(CultureInfo.InvariantCulture);
}
