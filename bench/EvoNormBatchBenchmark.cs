using System.Diagnostics;
using System.Globalization;
using Bench.EvoNorm;
using Evaluators.Runtime;
using Evaluators.Training;

namespace Bench;

/// <summary>
/// The EvoNorm paper's small-batch claim on CPU proxies: EvoNorm-S0 and B0 against BN-ReLU for each
/// architecture (resnet, mobilenet, plaincnn) x batch size (2, 4, 8, 32, 128) x seed, all trained
/// for the SAME number of epochs on a Fashion-MNIST subset (small batches take more steps). BN-ReLU
/// and B0's batch part are evaluated with their running statistics, noisy at small batch, as the
/// paper's claim includes. Prints every cell, the gap tables with paired seed sd, and last the
/// gaps averaged over architectures and seeds. `--sweep` instead varies one condition at a time
/// (epochs x3, SGD 0.05 momentum 0.9, images x4, residual vs plain) at batch 4 vs 128 for S0 vs
/// BN-ReLU on one architecture. Options: see EvoNormBatchOptions (--images, --test-images, --epochs,
/// --archs, --batches, --seeds, --optimizer, --lr, --momentum, --threads, --sweep, --sweep-arch, --conditions base,epochs,sgd,images,arch).
/// </summary>
public sealed class EvoNormBatchBenchmark : IBenchmark
{
    public string Name => "evonorm";
    public string Description => "EvoNorm-S0/B0 minus BN-ReLU test accuracy per batch size at equal epochs (--sweep: which conditions matter)";

    public int Run(string[] args)
    {
        EvoNormBatchOptions o;
        try { o = EvoNormBatchOptions.Parse(args); }
        catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
        TorchRuntime.EnsureReady(o.Threads);
        var clock = Stopwatch.StartNew();
        using var runner = new EvoNormCellRunner(o.TestImages);
        var figures = o.Sweep ? EvoNormSweep.Run(o, runner, Console.WriteLine) : Grid(o, runner);
        Console.WriteLine($"\nwall time {clock.Elapsed.TotalSeconds:F0} s (training + evaluation {runner.TrainSeconds:F0} s)");
        figures.Print();
        return 0;
    }

    public static TrainingSettings Settings(EvoNormBatchOptions o, int batch) => new()
    {
        Epochs = o.Epochs, BatchSize = batch, Optimizer = o.Optimizer, LearningRate = o.LearningRate, Momentum = o.Momentum,
        ValidationFraction = 0, EvalBatchSize = 1000,
    };

    private static Figures Grid(EvoNormBatchOptions o, EvoNormCellRunner runner)
    {
        Console.WriteLine($"equal epochs: {o.Epochs} epoch(s) over the first {o.Images} Fashion-MNIST training images, test on the first {o.TestImages} test images; " +
                          $"{o.Optimizer} lr {o.LearningRate.ToString(CultureInfo.InvariantCulture)}; seeds 1..{o.Seeds}; accuracies are test accuracy, mean ± sample sd over seeds");
        var acc = new Dictionary<(string Arch, int Batch, string Layer), double[]>();
        Console.WriteLine("| arch | batch | layer | steps | test acc | per seed | wall s |\n|---|---|---|---|---|---|---|");
        foreach (var arch in o.Archs)
            foreach (int batch in o.Batches)
                foreach (var layer in EvoNormLayers.All)
                {
                    var clock = Stopwatch.StartNew();
                    var a = runner.Run(arch, layer, Settings(o, batch), o.Images, o.Seeds, Console.WriteLine);
                    acc[(arch, batch, layer)] = a;
                    int steps = o.Epochs * ((o.Images + Math.Min(batch, o.Images) - 1) / Math.Min(batch, o.Images));
                    Console.WriteLine($"| {arch} | {batch} | {layer} | {steps} | {SeedSummary.Format(a)} | {string.Join(" ", a.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))} | {clock.Elapsed.TotalSeconds:F0} |");
                }

        Console.WriteLine("\nGaps (test accuracy, S0 or B0 minus BN-ReLU; ± is the sample sd of the paired per-seed differences)");
        Console.WriteLine("| arch | batch | bn-relu | s0 | b0 | s0 - bn | b0 - bn |\n|---|---|---|---|---|---|---|");
        var figures = new Figures();
        foreach (var arch in o.Archs)
            foreach (int batch in o.Batches)
            {
                var bn = acc[(arch, batch, EvoNormLayers.BnRelu)];
                var s0 = acc[(arch, batch, EvoNormLayers.S0)];
                var b0 = acc[(arch, batch, EvoNormLayers.B0)];
                Console.WriteLine($"| {arch} | {batch} | {SeedSummary.Format(bn)} | {SeedSummary.Format(s0)} | {SeedSummary.Format(b0)} | " +
                                  $"{SeedSummary.Format(SeedSummary.Paired(s0, bn), true)} | {SeedSummary.Format(SeedSummary.Paired(b0, bn), true)} |");
                figures.Add($"{arch}_s0_minus_bnrelu_b{batch}", Stats.Mean(SeedSummary.Paired(s0, bn)));
                figures.Add($"{arch}_b0_minus_bnrelu_b{batch}", Stats.Mean(SeedSummary.Paired(b0, bn)));
            }

        // Pooled over architectures: every (arch, seed) pair is one paired difference.
        double[] Pooled(int batch, string layer) => o.Archs
            .SelectMany(arch => SeedSummary.Paired(acc[(arch, batch, layer)], acc[(arch, batch, EvoNormLayers.BnRelu)])).ToArray();
        Console.WriteLine($"\nGaps pooled over architectures ({string.Join(", ", o.Archs)}) and seeds ({o.Archs.Count * o.Seeds} paired differences per cell)");
        Console.WriteLine("| batch | s0 - bn | b0 - bn |\n|---|---|---|");
        foreach (int batch in o.Batches)
        {
            Console.WriteLine($"| {batch} | {SeedSummary.Format(Pooled(batch, EvoNormLayers.S0), true)} | {SeedSummary.Format(Pooled(batch, EvoNormLayers.B0), true)} |");
            figures.Add($"b0_minus_bnrelu_b{batch}_sd", Stats.Sd(Pooled(batch, EvoNormLayers.B0)));
            figures.Add($"s0_minus_bnrelu_b{batch}_sd", Stats.Sd(Pooled(batch, EvoNormLayers.S0)));
        }
        foreach (int batch in o.Batches) figures.Add($"b0_minus_bnrelu_b{batch}", Stats.Mean(Pooled(batch, EvoNormLayers.B0)));
        Console.WriteLine($"\n*_minus_bnrelu_bN (without an architecture prefix): test-accuracy difference, mean over architectures ({string.Join(", ", o.Archs)}) x {o.Seeds} seeds; *_sd: sample sd of those paired differences");
        foreach (int batch in o.Batches) figures.Add($"s0_minus_bnrelu_b{batch}", Stats.Mean(Pooled(batch, EvoNormLayers.S0)));
        return figures;
    }
}
