using System.Diagnostics;
using System.Globalization;
using Evaluators.Families.Activation;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Evaluators.Training.Batched;
using Search.Genomes.Activation;

namespace Bench;

/// <summary>
/// K activation candidates of one MLP task trained one by one (<see cref="Trainer"/>) and then all at
/// once (<see cref="BatchedTrainer"/>) in the same process, same seeds, same thread count; prints each
/// candidate's metrics both ways, the largest difference, and last <c>batched_speedup_k{K}</c> (one-by-one
/// seconds over batched seconds, training and measurement included). Options: --k N (16), --task NAME
/// (fmnist-mlp-short), --epochs E and --images N (the task's budget: 2 epochs over 55k images), --steps N
/// (cap), --builtin NAME (every candidate the built-in module NAME, e.g. identity: the products and optimizer alone), --seeds own|shared (own: a seed per candidate, as in a search; shared: one seed, the first layer
/// then is one product), --threads T (0: libtorch's default), --device cpu|cuda|cuda:N|auto, --data DIR.
/// </summary>
public sealed class BatchedBenchmark : IBenchmark
{
    public string Name => "batched";
    public string Description => "K candidates of fmnist-mlp-short trained batched against one by one: same results, speedup";

    /// <summary>Sixteen activations a search meets: the baselines and shapes it proposes.</summary>
    public static readonly string[] Genomes =
    [
        "relu(x)", "gelu(x)", "silu(x)", "elu(x)", "tanh(x)", "selu(x)", "softsign(x)", "mish(x)",
        "leaky_relu(x)", "softplus(x)", "x * sigmoid(@b(1.5) * x)", "relu(x) + @e(0.01) * x * exp(-x^2 / 2)",
        "x * erf(x)", "max(x, sin(x))", "x + sin(x)", "min(x, 0) + relu(x) * tanh(x)",
    ];

    public int Run(string[] args)
    {
        int k = Args.Int(args, "--k", 16), threads = Args.Int(args, "--threads", 0), steps = Args.Int(args, "--steps", 0);
        string seedMode = Args.Text(args, "--seeds", "own");
        if (k < 1 || seedMode is not ("own" or "shared")) { Console.Error.WriteLine("--k: at least 1; --seeds: own or shared"); return 2; }
        TorchRuntime.EnsureReady(threads);
        var device = DeviceChoice.Resolve(Args.Text(args, "--device", "cpu"));
        var task = ProxyTasks.Get(Args.Text(args, "--task", "fmnist-mlp-short"));
        int images = Args.Int(args, "--images", 0);
        var settings = task.Training with
        {
            Epochs = Args.Int(args, "--epochs", task.Training.Epochs),
            TrainSubset = images > 0 ? images : task.Training.TrainSubset,
            MaxSteps = steps > 0 ? steps : null,
        };
        if (BatchedTrainer.WhyNot(task.Template, settings) is { } why) { Console.Error.WriteLine($"{task.Name}: {why}"); return 2; }
        using var data = TaskData.Prepare(task with { Training = settings }, Args.Text(args, "--data", "") is { Length: > 0 } d ? d : null, device);

        var family = new ActivationFamily();
        var texts = Enumerable.Range(0, k).Select(i => Genomes[i % Genomes.Length]).ToArray();
        // --builtin NAME: every candidate the built-in module NAME (identity: only the products and the optimizer remain).
        string builtin = Args.Text(args, "--builtin", "");
        if (builtin.Length > 0) texts = texts.Select(_ => builtin).ToArray();
        ISlotFactory[] slots = texts.Select(t => builtin.Length > 0 ? new BuiltinActivation(t) : (ISlotFactory)new ActivationGenomeSlot(family.Parse(t))).ToArray();
        ulong[] seeds = Enumerable.Range(0, k).Select(i => seedMode == "shared" ? 1000UL : 1000UL + (ulong)i).ToArray();
        Console.WriteLine($"{task.Name}: {task.Template.Name}, {settings.Epochs} epoch(s) over {data.TrainCount} training images, batch {settings.BatchSize}, " +
                          $"{settings.TotalSteps(data.TrainCount)} steps, {settings.Optimizer} {settings.LearningRate.ToString(CultureInfo.InvariantCulture)}, " +
                          $"unit gain {settings.UnitGain}; K = {k}, seeds {seedMode}; {TorchThreads()} thread(s), device {device}");

        // Warm up both paths (JIT, allocator, lazy libtorch state) on a few steps.
        var warm = settings with { MaxSteps = 3, EvaluateTestSet = false };
        Trainer.Train(task.Template, slots[0], data, warm, seeds[0]);
        BatchedTrainer.Train(task.Template, slots.Take(2).ToArray(), data, warm, seeds.Take(2).ToArray());

        var clock = Stopwatch.StartNew();
        var solo = slots.Select((s, i) => Trainer.Train(task.Template, s, data, settings, seeds[i])).ToArray();
        double soloSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"one by one: {soloSeconds:F1} s");
        clock.Restart();
        var batched = BatchedTrainer.Train(task.Template, slots, data, settings, seeds);
        double batchedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"batched:    {batchedSeconds:F1} s\n");

        Console.WriteLine("| candidate | val acc solo | val acc batched | val loss solo | val loss batched | test acc solo | test acc batched |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (int i = 0; i < k; i++)
            Console.WriteLine($"| {texts[i]} | {solo[i].ValidationAccuracy:F4} | {batched[i].ValidationAccuracy:F4} | {solo[i].ValidationLoss:F5} | " +
                              $"{batched[i].ValidationLoss:F5} | {solo[i].TestAccuracy:F4} | {batched[i].TestAccuracy:F4} |");

        double MaxDiff(Func<TrainingMetrics, double> metric) => solo.Zip(batched, (a, b) => Math.Abs(metric(a) - metric(b))).Max();
        var figures = new Figures();
        figures.Add("batched_solo_seconds", soloSeconds, "0.0");
        figures.Add("batched_seconds", batchedSeconds, "0.0");
        figures.Add("batched_steps", settings.TotalSteps(data.TrainCount));
        figures.Add("batched_threads", TorchThreads());
        figures.Add("batched_max_diff_validation_accuracy", MaxDiff(m => m.ValidationAccuracy), "0.######");
        figures.Add("batched_max_diff_test_accuracy", MaxDiff(m => m.TestAccuracy), "0.######");
        figures.Add("batched_max_diff_validation_loss", MaxDiff(m => m.ValidationLoss), "0.######");
        figures.Add("batched_max_diff_final_train_loss", MaxDiff(m => m.FinalTrainLoss), "0.######");
        figures.Add($"batched_speedup_k{k}", soloSeconds / batchedSeconds, "0.00");
        figures.Print();
        return 0;
    }

    private static int TorchThreads() => TorchSharp.torch.get_num_threads();
}
