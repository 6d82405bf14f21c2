using Evaluators.Candidates.Training;

namespace Cluster.Cli;

/// <summary>
/// One evaluator slot of this node: its index, how many slots share the machine, its device, the
/// dataset directory, the torch threads it asks for (0: the cores shared evenly among the slots),
/// and whether its reports carry every learned value (<c>CandidateEvaluatorOptions.CompleteLearned</c>:
/// `search export` retraining a big KAN network; never a run's slots) and where its full trainings report
/// their progress (<c>CandidateEvaluatorOptions.TrainingProgress</c>: the export's retraining; null for runs).
/// </summary>
public sealed record EvaluatorSlot(int Slot, int Slots, string Device, string? DataDirectory, int Threads = 0, bool CompleteLearned = false,
    Action<CandidateTrainingProgress>? TrainingProgress = null);
