using Evaluators.Training;

namespace Evaluators.Candidates.Training;

/// <summary>
/// A full training's progress inside an evaluation (<see cref="CandidateEvaluatorOptions.TrainingProgress"/>):
/// which task and seed (0-based, of <paramref name="Seeds"/>) is training, and the trainer's step report.
/// </summary>
public readonly record struct CandidateTrainingProgress(string Task, int Seed, int Seeds, TrainingProgress Step);
