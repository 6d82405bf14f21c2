using System.Globalization;
using Evaluators.Families.Routing.Gating;

namespace Bench.Routing;

/// <summary>
/// The gating benchmark as `routing-gating` and `routing` run it: options from the command line, progress
/// and the table on the console, the two slopes (and replicates, seconds) added to the figures.
/// </summary>
public static class RoutingGatingPart
{
    public static void Run(string[] args, Figures figures)
    {
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
        figures.Add("routing_gating_error_slope_softmax", result.SlopeSoftmax, "0.###");
        figures.Add("routing_gating_error_slope_act", result.SlopeAct, "0.###");
        figures.Add("routing_gating_replicates", result.Replicates, "0");
        figures.Add("routing_gating_seconds", result.Elapsed.TotalSeconds, "0");
    }
}
