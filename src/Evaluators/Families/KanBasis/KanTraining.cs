using Evaluators.Training;

namespace Evaluators.Families.KanBasis;

/// <summary>The function-fitting budget the toy tasks and kan-csv share (its own class: no static-initialisation order between the task lists).</summary>
internal static class KanTraining
{
    // Adam at 1e-2 with batch 100: 10 steps per epoch over the toy tasks' 1000 points (a twelfth held out for validation).
    public static readonly TrainingSettings Fit = new() { Epochs = 100, BatchSize = 100, LearningRate = 1e-2 };
}
