using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Candidates.Training;

/// <summary>A proxy task under a plan's budget overrides, with its prepared data (owned by the cache).</summary>
public sealed record PlannedTask(ProxyTask Task, TrainingSettings Settings, PreparedData Data)
{
    public string Name => Task.Name;

    /// <summary>Steps one full training run takes (what the trainer will do: epochs of batches, capped by MaxSteps).</summary>
    public int FullSteps => StepsFor(Settings);

    public int StepsFor(TrainingSettings s) => s.TotalSteps(Data.TrainCount);

    /// <summary>Settings for a short run of exactly <paramref name="steps"/> steps (more epochs when one is too short), without the test set.</summary>
    public TrainingSettings ShortRun(int steps)
    {
        int perEpoch = Settings.StepsPerEpoch(Data.TrainCount);
        return Settings with { MaxSteps = steps, EvaluateTestSet = false, Epochs = Math.Max(Settings.Epochs, (steps + perEpoch - 1) / perEpoch) };
    }
}
