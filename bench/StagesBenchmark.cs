using Evaluators.Candidates;

namespace Bench;

/// <summary>
/// Seconds per evaluation stage for one candidate on a plan's tasks (default: the default plan,
/// fmnist-deep-mlp, hurdle 100 steps). Run 1 includes loading the data (not in any stage).
/// Options: --genome TEXT (x * sigmoid(@b(1) * x)), --task NAME, --runs N (2), --threads N.
/// </summary>
public sealed class StagesBenchmark : IBenchmark
{
    public string Name => "stages";
    public string Description => "seconds per rejection stage and full training for one candidate";

    public int Run(string[] args)
    {
        string genome = Text(args, "--genome", "x * sigmoid(@b(1) * x)");
        int runs = Args.Int(args, "--runs", 2);
        var plan = new EvaluationPlan();
        if (Text(args, "--task", "") is { Length: > 0 } task) plan = plan with { Tasks = [task] };
        using var evaluator = new CandidateEvaluator(new CandidateEvaluatorOptions { Threads = Args.Int(args, "--threads", 0) });
        var figures = new Figures();
        for (int r = 1; r <= runs; r++)
        {
            var report = evaluator.Evaluate(new EvaluationJob("activation", genome, (ulong)r, plan), NoEquivalenceLookup.Instance, default);
            Console.WriteLine($"run {r}: {report.Result.Status} {report.Result.Stage} {report.Result.Reason} " +
                              $"objectives [{string.Join(", ", report.Result.Objectives ?? [])}] learned [{string.Join(", ", report.Learned)}]");
            foreach (var (key, value) in report.Metrics) Console.WriteLine($"  {key} = {value:G6}");
            foreach (var s in report.Stages.Stages) figures.Add($"stages_run{r}_{s.Name}_seconds", s.Seconds, "0.00000");
            figures.Add($"stages_run{r}_total_seconds", report.Metrics["total_seconds"], "0.000");
        }
        figures.Print();
        return 0;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i < 0 ? fallback : i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name}: expected a value");
    }
}
