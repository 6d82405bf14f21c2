using Evaluators.Families.Activation;
using System.Diagnostics;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Genomes.Activation;
using TorchSharp;

namespace Bench;

/// <summary>
/// Many evaluations in one process: random candidate activations trained one after another on a
/// small Fashion-MNIST proxy. The live tensor count must stay flat and resident memory within 10%
/// of its value after the first 20. Options: --candidates N (200), --threads N.
/// </summary>
public sealed class LeakBenchmark : IBenchmark
{
    public string Name => "leak";
    public string Description => "live tensors and resident memory over 200 candidate evaluations";

    public int Run(string[] args)
    {
        int candidates = Args.Int(args, "--candidates", 200);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var task = new ProxyTask("leak-proxy", "fashion-mnist", new Mlp(64, 64),
            new TrainingSettings { Epochs = 1, BatchSize = 128, TrainSubset = 4000, ValidationFraction = 0.25 }, "small proxy for the leak check");
        using var data = TaskData.Prepare(task, null, torch.CPU, Console.WriteLine);
        var family = new ActivationFamily();
        var rng = new Rng(2024);

        long tensorsAt20 = 0, rssAt20 = 0, maxTensors = 0;
        int diverged = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 1; i <= candidates; i++)
        {
            var genome = family.Random(rng);
            TrainingMetrics m;
            try { m = Trainer.Train(task.Template, new ActivationGenomeSlot(genome), data, task.Training, (ulong)i); }
            catch (Exception e) { throw new InvalidOperationException($"candidate {i} '{genome.Text}' failed: {e.Message}", e); }
            if (m.Diverged) diverged++;
            long tensors = LiveTensors.Count, rss = Rss();
            maxTensors = Math.Max(maxTensors, tensors);
            if (i == 20) (tensorsAt20, rssAt20) = (tensors, rss);
            if (i % 20 == 0 || i == 1)
                Console.WriteLine($"[{i}/{candidates}] {clock.Elapsed.TotalSeconds:F0} s  live tensors {tensors}  rss {rss / 1048576.0:F1} MiB  last: {genome.Text}  val acc {m.ValidationAccuracy:F3}");
        }
        long finalTensors = LiveTensors.Count, finalRss = Rss();
        var figures = new Figures();
        figures.Add("leak_candidates", candidates, "0");
        figures.Add("leak_diverged_candidates", diverged, "0");
        figures.Add("leak_live_tensors_after_20", tensorsAt20, "0");
        figures.Add("leak_live_tensors_final", finalTensors, "0");
        figures.Add("leak_live_tensors_max", maxTensors, "0");
        figures.Add("leak_rss_mib_after_20", rssAt20 / 1048576.0, "0.0");
        figures.Add("leak_rss_mib_final", finalRss / 1048576.0, "0.0");
        figures.Add("leak_rss_growth_ratio", (double)finalRss / rssAt20, "0.000");
        figures.Print();
        return finalTensors == tensorsAt20 && finalRss <= rssAt20 * 1.10 ? 0 : 1;
    }

    private static long Rss()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
