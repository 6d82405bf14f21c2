using Evaluators.Training;

namespace Evaluators.Candidates.Training;

/// <summary>One training run of a compiled candidate, reading its learned scalars before the model goes.</summary>
public static class CandidateTraining
{
    /// <param name="completeLearned">Read every learned value (see <see cref="ICompiledCandidate.ReadLearned"/>).</param>
    /// <param name="progress">Told the trainer's step reports (<see cref="TrainingProgress"/>).</param>
    public static (TrainingMetrics Metrics, IReadOnlyDictionary<string, double> Learned) Run(
        PlannedTask task, ICompiledCandidate candidate, TrainingSettings settings, ulong seed, CancellationToken cancel,
        bool completeLearned = false, Action<TrainingProgress>? progress = null)
    {
        IReadOnlyDictionary<string, double> learned = new Dictionary<string, double>();
        var metrics = Trainer.Train(task.Task.Template, candidate.Slot, task.Data, settings, seed, progress,
            cancel: cancel, trained: model => learned = candidate.ReadLearned(model, completeLearned));
        return (metrics, learned);
    }
}
