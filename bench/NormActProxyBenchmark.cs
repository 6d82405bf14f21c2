using Evaluators.Families.NormAct;
using System.Diagnostics;
using Evaluators.Data;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Genomes.NormAct;
using TorchSharp;

namespace Bench;

/// <summary>
/// Cost of one candidate on the norm-act proxy tasks (fmnist-resnet, fmnist-mobilenet,
/// fmnist-plaincnn): wall seconds (data already loaded; build + train + evaluate), parameters and
/// accuracy with BuiltinNormAct bn-relu, and with compiled genomes (BN-ReLU, EvoNorm-S0) for the
/// compiler's overhead; then the same budget on random 3x32x32 images (CIFAR-10's shape) for time
/// only. Wall seconds depend on machine load; cpu seconds (this process, user + system) with
/// --threads 1 are the single-core cost, an upper bound of the wall time on two free cores. Options: --seeds N (1), --threads N (0 = all), --genomes 0|1 (1), --cifar 0|1 (1),
/// --lr-permille N (the task's own learning rate unless set; 3 = 3e-3).
/// </summary>
public sealed class NormActProxyBenchmark : IBenchmark
{
    private static readonly string[] Tasks = ["fmnist-resnet", "fmnist-mobilenet", "fmnist-plaincnn"];

    public string Name => "normact-proxy";
    public string Description => "time per candidate, parameters and accuracy of the norm-act proxy tasks (bn-relu, compiled genomes)";

    public int Run(string[] args)
    {
        int seeds = Args.Int(args, "--seeds", 1);
        double lrScale = Args.Int(args, "--lr-permille", 0) / 1000.0;
        bool genomes = Args.Int(args, "--genomes", 1) != 0, cifar = Args.Int(args, "--cifar", 1) != 0;
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var family = new NormActFamily();
        var slots = new List<ISlotFactory> { new BuiltinNormAct("bn-relu") };
        if (genomes)
        {
            slots.Add(new NormActSlot(family.Parse(Evaluators.Compile.Checks.NormActCheck.BnRelu)));
            slots.Add(new NormActSlot(family.Parse(Evaluators.Compile.Checks.NormActCheck.EvoNormS0)));
        }
        var figures = new Figures();
        Console.WriteLine("| task | slot | wall s | cpu s | params | val acc | test acc |\n|---|---|---|---|---|---|---|");
        foreach (var name in Tasks)
        {
            var task = ProxyTasks.Get(name);
            if (lrScale > 0) task = task with { Training = task.Training with { LearningRate = lrScale } };
            using var data = TaskData.Prepare(task, null, torch.CPU);
            Measure(task, data, slots, seeds, figures, name.Replace('-', '_'));
            if (!cifar) continue;
            using var random = RandomImages(task.Training.TrainSubset ?? 6000);
            Measure(task, random, [slots[0]], 1, figures, name.Replace("fmnist", "rand3x32").Replace('-', '_'));
        }
        figures.Print();
        return 0;
    }

    private static void Measure(ProxyTask task, PreparedData data, IReadOnlyList<ISlotFactory> slots, int seeds, Figures figures, string key)
    {
        foreach (var slot in slots)
        {
            var seconds = new List<double>();
            var cpu = new List<double>();
            TrainingMetrics? last = null;
            var process = Process.GetCurrentProcess();
            for (int s = 1; s <= seeds; s++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                last = Trainer.Train(task.Template, slot, data, task.Training, (ulong)s);
                seconds.Add(clock.Elapsed.TotalSeconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
            string label = slot is BuiltinNormAct b ? b.Name : slot.Name;
            Console.WriteLine($"| {key} | {label} | {Stats.Mean(seconds):F1} | {Stats.Mean(cpu):F1} | {last!.Parameters} | {last.ValidationAccuracy:F4} | {last.TestAccuracy:F4} |");
            if (slot is BuiltinNormAct)
            {
                figures.Add($"{key}_bn_relu_seconds", Stats.Mean(seconds), "0.0");
                figures.Add($"{key}_bn_relu_cpu_seconds", Stats.Mean(cpu), "0.0");
                figures.Add($"{key}_params", last.Parameters, "0");
                figures.Add($"{key}_bn_relu_test_acc", last.TestAccuracy);
            }
        }
    }

    // CIFAR-10's shape with random pixels and labels: the cost of a candidate, not its accuracy.
    private static PreparedData RandomImages(int train)
    {
        var rng = new Rng(1);
        TensorData Make(int count)
        {
            var x = new float[count * 3 * 32 * 32];
            for (int i = 0; i < x.Length; i++) x[i] = (float)rng.Normal();
            var labels = Enumerable.Range(0, count).Select(_ => (long)rng.NextInt(0, 10)).ToArray();
            return new TensorData(x, [3, 32, 32], count, labels, null, 0);
        }
        return new PreparedData(new DatasetSplits("random-3x32x32", Make(train), Make(2000), 10), 1.0 / 12, torch.CPU);
    }
}
