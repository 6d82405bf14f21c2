using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Candidates.Training;

/// <summary>A proxy task under a plan's budget overrides, with its prepared data (owned by the cache).</summary>
public sealed record PlannedTask(ProxyTask Task, TrainingSettings Settings, PreparedData Data)
{
    public string Name => Task.Name;

    /// <summary>Steps one full training run takes (what the trainer will do: epochs of batches, capped by MaxSteps).</summary>
    public int FullSteps => StepsFor(Settings);

    public int StepsFor(TrainingSettings s)
    {
        int batch = s.Optimizer == OptimizerFactory.Lbfgs ? Data.TrainCount : Math.Min(s.BatchSize, Data.TrainCount); // L-BFGS: one full-batch step an epoch
        int perEpoch = (Data.TrainCount + batch - 1) / batch;
        return (int)Math.Min(s.MaxSteps ?? int.MaxValue, (long)perEpoch * s.Epochs);
    }

    /// <summary>Settings for a short run of exactly <paramref name="steps"/> steps (more epochs when one is too short), without the test set.</summary>
    public TrainingSettings ShortRun(int steps)
    {
        int batch = Math.Min(Settings.BatchSize, Data.TrainCount);
        int perEpoch = (Data.TrainCount + batch - 1) / batch;
        return Settings with { MaxSteps = steps, EvaluateTestSet = false, Epochs = Math.Max(Settings.Epochs, (steps + perEpoch - 1) / perEpoch) };
    }
}
