using Bench.Routing;
using Evaluators.Runtime;
using Evaluators.Tasks;

namespace Bench;

/// <summary>
/// Routing figures in one run: the gating benchmark's error slopes (routing_gating_error_slope_*), the
/// character model's validation loss per feed-forward filler at equal active parameters
/// (routing_valloss_*) and MaxVio without balancing, with the Switch loss and loss-free
/// (routing_maxvio_*), and the same fillers on the Fashion-MNIST mixture MLP (routing_fmnist_*).
/// Options: --parts gating,chars,fmnist (all), --steps N (character model steps, 2000 as nanoGPT),
/// --fmnist-steps N (312 = 2 epochs of 20k), --seed N (1), --threads N, and the gating options.
/// </summary>
public sealed class RoutingBenchmark : IBenchmark
{
    public string Name => "routing";
    public string Description => "Routing: gating error slopes, character model valloss / MaxVio per router, Fashion-MNIST mixture MLP";

    public int Run(string[] args)
    {
        var parts = Args.Text(args, "--parts", "gating,chars,fmnist").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        ulong seed = (ulong)Args.Int(args, "--seed", 1);
        var figures = new Figures();
        if (parts.Contains("gating")) RoutingGatingPart.Run(args, figures);
        if (parts.Contains("chars")) Chars(Args.Int(args, "--steps", 2000), seed, figures);
        if (parts.Contains("fmnist")) Fmnist(Args.Int(args, "--fmnist-steps", 312), seed, figures);
        figures.Print();
        return 0;
    }

    private static void Chars(int steps, ulong seed, Figures figures)
    {
        var task = ProxyTasks.Get("moe-chars");
        Console.WriteLine($"\ncharacter model: {task.Description}; {steps} steps, seed {seed}; reference: nanoGPT's CPU configuration reaches 1.88 on tiny-shakespeare at 2000 iterations (different corpus)");
        using var data = RoutingRuns.Data(task, Console.WriteLine);
        var rows = RoutingRuns.Fillers.Select(f => RoutingRuns.Run(task, f, data, steps, seed, Console.WriteLine)).ToList();
        Table(rows);
        foreach (var r in rows.Where(r => r.Name != "none")) figures.Add($"routing_valloss_{r.Name}", r.Metrics.ValidationLoss);
        foreach (var (name, row) in new[] { ("none", "none"), ("switch", "top2"), ("lossfree", "lossfree") })
            figures.Add($"routing_maxvio_{name}", rows.Single(r => r.Name == row).Measure("max_vio"));
        figures.Add("routing_valloss_none", rows.Single(r => r.Name == "none").Metrics.ValidationLoss);
        figures.Add("routing_lossfree_maxvio_goal_met", Goal(rows) ? 1 : 0, "0");
    }

    /// <summary>The issue's aim: loss-free MaxVio &lt;= 0.1 with validation loss no worse than the Switch loss's.</summary>
    private static bool Goal(IReadOnlyList<RoutingRuns.Row> rows)
    {
        var lossFree = rows.Single(r => r.Name == "lossfree");
        var switchLoss = rows.Single(r => r.Name == "top2");
        return lossFree.Measure("max_vio") <= 0.1 && lossFree.Metrics.ValidationLoss <= switchLoss.Metrics.ValidationLoss;
    }

    private static void Fmnist(int steps, ulong seed, Figures figures)
    {
        var task = ProxyTasks.Get("moe-fmnist");
        Console.WriteLine($"\nFashion-MNIST mixture MLP: {task.Description}; {steps} steps, seed {seed}");
        using var data = RoutingRuns.Data(task, Console.WriteLine);
        var rows = RoutingRuns.Fillers.Select(f => RoutingRuns.Run(task, f, data, steps, seed, Console.WriteLine)).ToList();
        Table(rows);
        foreach (var r in rows)
        {
            figures.Add($"routing_fmnist_valloss_{r.Name}", r.Metrics.ValidationLoss);
            figures.Add($"routing_fmnist_accuracy_{r.Name}", r.Metrics.ValidationAccuracy);
            if (r.Name != "dense") figures.Add($"routing_fmnist_maxvio_{r.Name}", r.Measure("max_vio"));
        }
    }

    private static void Table(IReadOnlyList<RoutingRuns.Row> rows)
    {
        Console.WriteLine("| filler | validation loss | load CV | MaxVio | dropped | active experts | step ms | parameters | genome |\n|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Name} | {r.Metrics.ValidationLoss:F4} | {r.Measure("load_cv"):F3} | {r.Measure("max_vio"):F3} | {r.Measure("dropped_fraction"):F4} | " +
                              $"{r.Measure("active_experts"):F3} | {r.StepMs:F1} | {r.Metrics.Parameters:N0} | `{r.Text}` |");
    }
}
