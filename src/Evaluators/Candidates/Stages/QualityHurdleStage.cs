using System.Globalization;
using Evaluators.Candidates.Training;
using Search.Rejection;

namespace Evaluators.Candidates.Stages;

/// <summary>
/// A short training run that must reach a validation accuracy before the candidate earns full
/// training. A regression task has no accuracy: there the hurdle only rejects divergence.
/// </summary>
public sealed class QualityHurdleStage(HurdleSettings settings, PlannedTask task, ulong seed, double estimatedCostSeconds)
    : IRejectionStage<CandidateContext>
{
    public string Name => StageNames.QualityHurdle;
    public double EstimatedCostSeconds => estimatedCostSeconds;

    public StageVerdict Check(CandidateContext candidate)
    {
        candidate.Cancel.ThrowIfCancellationRequested();
        var (m, _) = CandidateTraining.Run(task, candidate.RequireCompiled(), task.ShortRun(settings.Steps), seed, candidate.Cancel);
        candidate.Hurdle = m;
        if (m.Diverged) return StageVerdict.Reject($"diverged (non-finite loss) within {m.Steps} steps on {task.Name}");
        if (task.Data.IsClassification && !(m.ValidationAccuracy >= settings.MinValidationAccuracy))
            return StageVerdict.Reject(string.Create(CultureInfo.InvariantCulture,
                $"validation accuracy {m.ValidationAccuracy:0.####} after {m.Steps} steps on {task.Name}, below {settings.MinValidationAccuracy}"));
        return StageVerdict.Pass;
    }
}
