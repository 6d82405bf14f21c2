using Evaluators.Training;

namespace Evaluators.Families.KanBasis;

/// <summary>The function-fitting budget the toy tasks and kan-csv share (its own class: no static-initialisation order between the task lists).</summary>
internal static class KanTraining
{
    // The KAN paper's recipe: full-batch L-BFGS (strong-Wolfe line search), 100 steps of up to 20 iterations,
    // grids updated from the samples every 10 steps up to step 50 (Trainer.FullBatch).
    public static readonly TrainingSettings Fit = new() { Optimizer = "lbfgs", Epochs = 100, LearningRate = 1 };

    public const string Description = "L-BFGS full batch, 100 steps, grid updates from the samples";
}
