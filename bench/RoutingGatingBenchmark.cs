using System.Globalization;
using Bench.Routing;
using Evaluators.Families.Routing.Gating;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// Parameter-estimation rates of gated Gaussian MoE (Nguyen, Akbarian and Ho, ICML 2024): median Voronoi
/// error against n for temperature softmax gating and tanh-then-softmax gating, and the log-log slopes.
/// Options: --n 100,316,... (7 sizes from 1e2 to 1e5), --replicates N (10), --budget-s S (600),
/// --restarts N (4), --adam-steps N (300), --lbfgs-steps N (5), --threads N (1).
/// </summary>
public sealed class RoutingGatingBenchmark : IBenchmark
{
    public string Name => "routing-gating";
    public string Description => "gated Gaussian MoE: Voronoi parameter error vs n, temperature softmax vs tanh-then-softmax gating";

    public int Run(string[] args)
    {
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 1));
        var defaults = new RoutingGatingOptions();
        var sizes = Args.Text(args, "--n", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new ArgumentException($"--n: '{s}' is not an integer"))
            .ToArray();
        var options = defaults with
        {
            SampleSizes = sizes.Length > 0 ? sizes : defaults.SampleSizes,
            Replicates = Args.Int(args, "--replicates", defaults.Replicates),
            BudgetSeconds = Args.Int(args, "--budget-s", (int)defaults.BudgetSeconds),
            Fit = defaults.Fit with
            {
                Restarts = Args.Int(args, "--restarts", defaults.Fit.Restarts),
                AdamSteps = Args.Int(args, "--adam-steps", defaults.Fit.AdamSteps),
                LbfgsSteps = Args.Int(args, "--lbfgs-steps", defaults.Fit.LbfgsSteps),
            },
        };
        Console.WriteLine($"gated Gaussian MoE, d = 1, k* = {RoutingGating.TrueExperts} true experts, k = {options.FittedExperts} fitted, x ~ U[-1, 1]; " +
                          $"n = {string.Join(", ", options.SampleSizes)}; up to {options.Replicates} replicates, budget {options.BudgetSeconds:F0} s");
        var result = RoutingGating.Run(options, Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine(result.Table);
        Console.WriteLine($"wall time {result.Elapsed.TotalSeconds:F0} s, {result.Replicates} replicate(s)");
        var figures = new Figures();
        figures.Add("routing_gating_error_slope_softmax", result.SlopeSoftmax, "0.###");
        figures.Add("routing_gating_error_slope_act", result.SlopeAct, "0.###");
        figures.Add("routing_gating_replicates", result.Replicates, "0");
        figures.Add("routing_gating_seconds", result.Elapsed.TotalSeconds, "0");
        figures.Print();
        return 0;
    }
}
