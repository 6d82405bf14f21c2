using Evaluators.Families.Activation;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using TorchSharp;

namespace Bench;

/// <summary>
/// Trusting the trainer: the reference MLP and the small CNN on Fashion-MNIST against published
/// numbers, and the seed-to-seed spread of ReLU, GELU and SiLU under a short budget (how much
/// signal a proxy task gives). Options: --mlp-seeds N (3), --cnn-seeds N (1), --spread-seeds N (5), --threads N;
/// a count of 0 skips that part.
/// </summary>
public sealed class ProxyBenchmark : IBenchmark
{
    public string Name => "proxy";
    public string Description => "reference accuracies (MLP, CNN) on Fashion-MNIST and seed spread of ReLU/GELU/SiLU";

    public int Run(string[] args)
    {
        int mlpSeeds = Args.Int(args, "--mlp-seeds", 3), cnnSeeds = Args.Int(args, "--cnn-seeds", 1), spreadSeeds = Args.Int(args, "--spread-seeds", 5);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var figures = new Figures();

        if (mlpSeeds > 0)
        {
            var mlp = RunSeeds(ProxyTasks.Get("fmnist-mlp"), "relu", mlpSeeds);
            figures.Add("mlp_relu_test_acc_mean", Stats.Mean(mlp));
            figures.Add("mlp_relu_test_acc_sd", Stats.Sd(mlp));
        }
        if (cnnSeeds > 0)
        {
            var cnn = RunSeeds(ProxyTasks.Get("fmnist-cnn"), "relu", cnnSeeds);
            figures.Add("cnn_relu_test_acc_mean", Stats.Mean(cnn));
            figures.Add("cnn_relu_test_acc_sd", Stats.Sd(cnn));
        }
        if (spreadSeeds > 0) Spread(spreadSeeds, figures);
        figures.Print();
        return 0;
    }

    private static void Spread(int spreadSeeds, Figures figures)
    {
        var shortTask = ProxyTasks.Get("fmnist-mlp-short");
        Console.WriteLine($"\nseed spread, {shortTask.Description}, {spreadSeeds} seeds:");
        Console.WriteLine($"| activation | mean test acc | sd | min | max |\n|---|---|---|---|---|");
        foreach (string act in new[] { "relu", "gelu", "silu" })
        {
            var accs = RunSeeds(shortTask, act, spreadSeeds, quiet: true);
            Console.WriteLine($"| {act} | {Stats.Mean(accs):F4} | {Stats.Sd(accs):F4} | {accs.Min():F4} | {accs.Max():F4} |");
            figures.Add($"spread_{act}_mean", Stats.Mean(accs));
            figures.Add($"spread_{act}_sd", Stats.Sd(accs));
        }
    }

    private static List<double> RunSeeds(ProxyTask task, string activation, int seeds, bool quiet = false)
    {
        using var data = TaskData.Prepare(task, null, torch.CPU, Console.WriteLine);
        var accs = new List<double>();
        for (int s = 1; s <= seeds; s++)
        {
            var m = Trainer.Train(task.Template, new BuiltinActivation(activation), data, task.Training, (ulong)s);
            accs.Add(m.TestAccuracy);
            if (!quiet) Console.WriteLine($"{task.Name} {activation} seed {s}: test {m.TestAccuracy:F4} val {m.ValidationAccuracy:F4} ({m.WallSeconds:F1} s, {m.StepsPerSecond:F0} steps/s)");
            else Console.WriteLine($"  {activation} seed {s}: test {m.TestAccuracy:F4}");
        }
        return accs;
    }
}
