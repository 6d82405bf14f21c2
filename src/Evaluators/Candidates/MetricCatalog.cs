namespace Evaluators.Candidates;

/// <summary>
/// Every metric an evaluation reports per task and objectives may name, with its natural direction:
/// the training metrics of every task, and the measures slot modules report on the validation split
/// (<see cref="Slots.IMeasuredSlot"/>; NaN for tasks whose slots report none).
/// </summary>
public static class MetricCatalog
{
    /// <param name="SlotMeasure">Read from the slot modules' measures (<see cref="Training.TaskSummary.Measures"/>), not the trainer's metrics.</param>
    public sealed record Metric(string Name, bool HigherIsBetter, string Meaning, bool SlotMeasure = false);

    public static IReadOnlyList<Metric> All { get; } =
    [
        new("validation_accuracy", true, "accuracy on the validation split (classifiers; per token for language models)"),
        new("test_accuracy", true, "accuracy on the test split"),
        new("validation_rmse", false, "root mean squared error on the validation split, in the target's units (regression)"),
        new("validation_loss", false, "the task loss on the validation split (cross-entropy in nats per sample or token; mean squared error)"),
        new("parameters", false, "trainable parameters of the whole model"),
        new("step_seconds", false, "seconds per training step"),
        new("load_cv", false, "mixture of experts: coefficient of variation of the expert loads over the validation split", SlotMeasure: true),
        new("max_vio", false, "mixture of experts: (max load - mean load) / mean load over the validation split", SlotMeasure: true),
        new("dropped_fraction", false, "mixture of experts: fraction of tokens no expert ran (past capacity)", SlotMeasure: true),
        new("active_experts", false, "mixture of experts: mean experts that ran per token", SlotMeasure: true),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(m => m.Name).ToArray();

    /// <summary>Whether the name is a slot measure (read from <see cref="Training.TaskSummary.Measures"/>).</summary>
    public static bool IsSlotMeasure(string name) => All.Any(m => m.SlotMeasure && m.Name == name);

    public static Metric Get(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"unknown metric '{name}'; expected one of {string.Join(", ", Names)}");
}
