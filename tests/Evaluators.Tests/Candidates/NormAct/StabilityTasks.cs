using Evaluators.Candidates;
using Evaluators.Families.NormAct;
using Evaluators.Candidates.Stages;
using Evaluators.Candidates.Training;
using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Tests.Training;
using Evaluators.Training;
using Search.Rejection;
using static TorchSharp.torch;

namespace Evaluators.Tests.Candidates.NormAct;

/// <summary>Owns a planned task's prepared data for one test.</summary>
internal sealed class DisposableTask(PlannedTask task) : IDisposable
{
    public PlannedTask Task { get; } = task;
    public void Dispose() => Task.Data.Dispose();
}

/// <summary>A small plain CNN on 8x8 blob images (no files) and a helper that runs one stability check.</summary>
internal static class StabilityTasks
{
    private static readonly TrainingSettings Settings = new() { Epochs = 1, BatchSize = 32, ValidationFraction = 0.2 };

    public static PlannedTask Blobs(IModelTemplate? template = null)
    {
        var task = new ProxyTask("tiny-blobs-cnn", "blobs", template ?? new PlainCnnTemplate(8, 8, 8), Settings, "8x8 blobs, plain CNN");
        return new PlannedTask(task, Settings, new PreparedData(TinyData.Blobs(train: 200, test: 60), 0.2, CPU));
    }

    public static (StageVerdict Verdict, double MaxNorm) Check(PlannedTask task, string genome, StabilitySettings? settings = null, ulong seed = 3)
    {
        var stage = new StabilityStage(settings ?? new StabilitySettings(), task, seed, 0.01);
        var context = new CandidateContext(new EvaluationJob("norm-act", genome, seed, new EvaluationPlan()), CancellationToken.None)
        {
            Compiled = new NormActCandidateCompiler().Compile(genome),
        };
        var verdict = stage.Check(context);
        return (verdict, stage.LastMaxGradientNorm);
    }
}
