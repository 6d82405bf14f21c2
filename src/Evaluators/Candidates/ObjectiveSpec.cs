using Evaluators.Candidates.Training;

namespace Evaluators.Candidates;

/// <summary>
/// One entry of <see cref="EvaluationPlan.Objectives"/>: "metric" (averaged over the plan's tasks)
/// or "metric@task". Values are in their natural direction (accuracies up, the rest down); a metric
/// a task does not have (validation_rmse of a classifier) is NaN, which the engine ranks as worst.
/// </summary>
public sealed record ObjectiveSpec(string Metric, string? Task)
{
    public static IReadOnlyList<string> Metrics => MetricCatalog.Names;

    /// <exception cref="ArgumentException">Unknown metric, or a task that is not among <paramref name="tasks"/>.</exception>
    public static ObjectiveSpec Parse(string text, IReadOnlyList<string> tasks)
    {
        int at = text.IndexOf('@');
        string metric = (at < 0 ? text : text[..at]).Trim();
        string? task = at < 0 ? null : text[(at + 1)..].Trim();
        if (!Metrics.Contains(metric))
            throw new ArgumentException($"objective '{text}': unknown metric '{metric}'; expected one of {string.Join(", ", Metrics)}");
        if (task is not null && !tasks.Contains(task))
            throw new ArgumentException($"objective '{text}': task '{task}' is not among the plan's tasks ({string.Join(", ", tasks)})");
        return new ObjectiveSpec(metric, task);
    }

    /// <summary>Parses every objective of a plan; throws on the first bad one (or an empty list).</summary>
    public static IReadOnlyList<ObjectiveSpec> ParseAll(EvaluationPlan plan)
    {
        if (plan.Tasks.Count == 0) throw new ArgumentException("the plan names no task");
        if (plan.Objectives.Count == 0) throw new ArgumentException("the plan names no objective");
        if (plan.Seeds < 1) throw new ArgumentException($"the plan's seeds = {plan.Seeds}: expected at least 1");
        return plan.Objectives.Select(o => Parse(o, plan.Tasks)).ToArray();
    }

    public double ValueFrom(IReadOnlyDictionary<string, TaskSummary> byTask) =>
        Task is { } t ? Pick(byTask[t]) : byTask.Values.Average(Pick);

    private double Pick(TaskSummary s) => Metric switch
    {
        "validation_accuracy" => s.ValidationAccuracy,
        "test_accuracy" => s.TestAccuracy,
        "validation_rmse" => s.ValidationRmse,
        "validation_loss" => s.ValidationLoss,
        "parameters" => s.Parameters,
        "step_seconds" => s.StepSeconds,
        _ when MetricCatalog.IsSlotMeasure(Metric) => s.Measures.TryGetValue(Metric, out double v) ? v : double.NaN,
        _ => throw new InvalidOperationException($"unknown metric '{Metric}'"),
    };

    public override string ToString() => Task is null ? Metric : $"{Metric}@{Task}";
}
