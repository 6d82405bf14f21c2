using Evaluators.Slots;

namespace Evaluators.Training;

/// <summary>
/// What one training run measured. Accuracies are NaN for regression tasks and RMSEs NaN for
/// classification; RMSEs are in the target's own units (PreparedData.TargetScale). <see cref="Diverged"/> is set when the loss became non-finite; training stops then.
/// </summary>
public sealed record TrainingMetrics(
    double ValidationAccuracy,
    double TestAccuracy,
    double ValidationRmse,
    double TestRmse,
    double ValidationLoss,
    double FinalTrainLoss,
    long Parameters,
    int Steps,
    double WallSeconds,
    double StepsPerSecond,
    bool Diverged)
{
    /// <summary>What the model's measured slot modules reported on the validation split (<see cref="IMeasuredSlot"/>), e.g. max_vio; empty for most families.</summary>
    public IReadOnlyDictionary<string, double> Measures { get; init; } = SlotMeasures.None;
}
