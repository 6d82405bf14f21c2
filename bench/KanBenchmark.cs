using System.Globalization;
using Bench.Kan;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// KAN figures beside the published ones, in one run: pykan's grid-extension fit (kan_fit_rmse_g*),
/// Fashion-MNIST [784, 64, 10] B-spline / RBF KAN against an MLP (kan_fmnist_*_acc, mlp_fmnist_acc),
/// the step-time ratio of a 1000 -> 1000 layer per basis against nn.Linear (kan_step_ratio_*), and a
/// table of KAN against an MLP of equal parameters on the five toy functions.
/// Options: --parts fit,fmnist,step,toy (all), --fit-steps N (50), --fmnist-seeds N (3), --fmnist-epochs N,
/// --toy-seeds N (3), --threads N.
/// </summary>
public sealed class KanBenchmark : IBenchmark
{
    private const int DefaultFmnistEpochs = 5;

    public string Name => "kan";
    public string Description => "KAN: pykan grid-extension fit, Fashion-MNIST KAN vs MLP, step ratio per basis, toy-function table";

    public int Run(string[] args)
    {
        var parts = Args.Text(args, "--parts", "fit,fmnist,step,toy").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var figures = new Figures();
        if (parts.Contains("fit")) Fit(Args.Int(args, "--fit-steps", 50), figures);
        if (parts.Contains("fmnist")) Fmnist(Args.Int(args, "--fmnist-epochs", DefaultFmnistEpochs), Args.Int(args, "--fmnist-seeds", 3), figures);
        figures.Print();
        return 0;
    }

    private static void Fmnist(int epochs, int seeds, Figures figures)
    {
        Console.WriteLine($"\nFashion-MNIST [784, 64, 10], {epochs} epochs (published: 25), {seeds} seeds, AdamW 1e-3, batch 64, pixels in [-1, 1]");
        using var data = KanFmnist.Data(Console.WriteLine);
        var rows = new List<string>();
        foreach (var model in KanFmnist.Models)
        {
            var accs = KanFmnist.TestAccuracies(model, data, epochs, seeds, Console.WriteLine);
            rows.Add($"| {model.Name} | {Stats.Mean(accs):F4} | {Stats.Sd(accs):F4} | {model.Published:F4} | {Stats.Mean(accs) - model.Published:+0.0000;-0.0000} |");
            figures.Add(model.Name == "mlp" ? "mlp_fmnist_acc" : $"kan_fmnist_{model.Name}_acc", Stats.Mean(accs));
        }
        Console.WriteLine("| model | mean test acc | sd | published (25 epochs, 5 runs) | difference |\n|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static void Fit(int steps, Figures figures)
    {
        Console.WriteLine($"\npykan grid extension: exp(sin(pi x) + y^2), KAN [2, 1, 1] B-spline k=3, L-BFGS {steps} steps per grid, float64");
        var published = new Dictionary<int, double> { [3] = 1.5e-2, [10] = 3.3e-4, [20] = 4.0e-5 };
        var stages = KanGridFit.Run(seed: 0, grids: [3, 10, 20], steps, Console.WriteLine);
        Console.WriteLine("| grid | test RMSE | published | ratio |\n|---|---|---|---|");
        foreach (var (grid, test, _) in stages)
        {
            Console.WriteLine($"| {grid} | {test:E2} | {published[grid]:E1} | {test / published[grid]:F2} |");
            figures.Add($"kan_fit_rmse_g{grid}", test, "0.###E+0");
        }
    }
}
