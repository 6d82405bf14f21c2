using Evaluators.Data.Csv;

namespace Evaluators.Candidates;

/// <summary>
/// How every candidate of a search is evaluated: the rejection thresholds (cheap stages first),
/// the proxy tasks of full training and which metrics become objectives. Plain data: it travels in
/// job messages and search-space files. See docs of each record for units.
/// </summary>
public sealed record EvaluationPlan
{
    /// <summary>Proxy task names (Evaluators.Tasks.ProxyTasks) for full training; K tasks give K objectives each.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = ["fmnist-deep-mlp"];

    /// <summary>Training seeds per task; the objective is the mean over them.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Optional overrides of every task's training budget.</summary>
    public int? Epochs { get; init; }
    public int? TrainSubset { get; init; }

    /// <summary>Override of the tasks' unit-gain scaling of slot layers (<see cref="Evaluators.Training.TrainingSettings.UnitGain"/>); null = each task's own.</summary>
    public bool? UnitGain { get; init; }

    /// <summary>The user's CSV file that CSV tasks (kan-csv) read: an absolute path every worker must see; null when no task reads one.</summary>
    public CsvSource? Csv { get; init; }

    /// <summary>
    /// Objective metrics, in order, as "metric" or "metric@task": validation_accuracy, test_accuracy,
    /// validation_rmse, parameters, step_seconds. Without @task the metric is averaged over tasks.
    /// </summary>
    public IReadOnlyList<string> Objectives { get; init; } = ["validation_accuracy"];

    public SanitySettings Sanity { get; init; } = new();
    public HurdleSettings? Hurdle { get; init; } = new();

    /// <summary>The stability stage; null = the family's default (on for norm-act, off for activation).</summary>
    public StabilitySettings? Stability { get; init; }
    public bool EquivalenceCache { get; init; } = true;
}

/// <summary>Numeric sanity on probe inputs, before any training.</summary>
public sealed record SanitySettings
{
    /// <summary>Reject when any output on the probe inputs has magnitude above this (or is not finite).</summary>
    public double MaxAbsOutput { get; init; } = 1e4;
    /// <summary>Reject when the outputs' standard deviation over the probe inputs is below this (a constant function).</summary>
    public double MinOutputStd { get; init; } = 1e-4;
    /// <summary>Reject when the gradient of the outputs w.r.t. the inputs exceeds this in magnitude (or is not finite).</summary>
    public double MaxAbsGradient { get; init; } = 1e3;
}

/// <summary>The quality hurdle: a short training run that must clear a threshold before full training.</summary>
public sealed record HurdleSettings
{
    public string? Task { get; init; }           // null = the plan's first task
    public int Steps { get; init; } = 100;
    public double MinValidationAccuracy { get; init; } = 0.2;
}
