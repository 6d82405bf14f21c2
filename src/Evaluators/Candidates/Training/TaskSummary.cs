using Evaluators.Slots;
using Evaluators.Training;

namespace Evaluators.Candidates.Training;

/// <summary>One task's full-training measurements, averaged over the plan's seeds (seconds summed).</summary>
public sealed record TaskSummary(
    double ValidationAccuracy, double TestAccuracy, double ValidationRmse, double ValidationLoss,
    double Parameters, double StepSeconds, double StepsPerSecond, int Steps, double Seconds)
{
    /// <summary>The slot measures (max_vio, active_experts, ...) averaged over the seeds' runs; empty for most families.</summary>
    public IReadOnlyDictionary<string, double> Measures { get; init; } = SlotMeasures.None;

    public static TaskSummary Of(IReadOnlyList<TrainingMetrics> runs) => new(
        runs.Average(r => r.ValidationAccuracy), runs.Average(r => r.TestAccuracy),
        runs.Average(r => r.ValidationRmse), runs.Average(r => r.ValidationLoss),
        runs.Average(r => (double)r.Parameters), runs.Average(r => 1.0 / r.StepsPerSecond),
        runs.Average(r => r.StepsPerSecond), runs.Sum(r => r.Steps), runs.Sum(r => r.WallSeconds))
    {
        Measures = SlotMeasures.Average(runs.Select(r => r.Measures)),
    };

    /// <summary>Plain metrics for reports, keyed "task/metric".</summary>
    public void AddTo(IDictionary<string, double> metrics, string task)
    {
        metrics[$"{task}/validation_accuracy"] = ValidationAccuracy;
        metrics[$"{task}/test_accuracy"] = TestAccuracy;
        metrics[$"{task}/validation_rmse"] = ValidationRmse;
        metrics[$"{task}/validation_loss"] = ValidationLoss;
        metrics[$"{task}/parameters"] = Parameters;
        metrics[$"{task}/steps"] = Steps;
        metrics[$"{task}/steps_per_second"] = StepsPerSecond;
        metrics[$"{task}/seconds"] = Seconds;
        foreach (var (name, value) in Measures) metrics[$"{task}/{name}"] = value;
    }
}
