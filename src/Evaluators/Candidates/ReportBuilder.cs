using System.Diagnostics;
using Evaluators.Candidates.Stages;
using Search.Core;
using Search.Rejection;

namespace Evaluators.Candidates;

/// <summary>Gathers one evaluation's counters, metrics, fingerprint and learned scalars into a report.</summary>
internal sealed class ReportBuilder
{
    public RejectionCounters Counters { get; } = new();
    public SortedDictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, double> Learned { get; set; } = new Dictionary<string, double>();
    public ProbeFingerprint? Fingerprint { get; private set; }

    /// <summary>Takes the pipeline's counters (leaving it empty) and what the stages measured.</summary>
    public void TakeFrom(RejectionPipeline<CandidateContext> pipeline, CandidateContext context)
    {
        Counters.Merge(pipeline.TakeCounters());
        Fingerprint = context.Fingerprint;
        if (context.Hurdle is { } h)
        {
            Metrics["hurdle/validation_accuracy"] = h.ValidationAccuracy;
            Metrics["hurdle/validation_loss"] = h.ValidationLoss;
            Metrics["hurdle/steps"] = h.Steps;
            Metrics["hurdle/seconds"] = h.WallSeconds;
        }
    }

    public void Count(string stage, bool rejected, double seconds) =>
        Counters.Add(new StageStats(stage, Examined: 1, Rejected: rejected ? 1 : 0, Seconds: seconds));

    public EvaluationReport Build(EvaluationResult result, Stopwatch clock)
    {
        foreach (var s in Counters.Stages) Metrics[$"stage/{s.Name}/seconds"] = s.Seconds;
        Metrics["total_seconds"] = clock.Elapsed.TotalSeconds;
        return new EvaluationReport(result, Fingerprint, Counters, Metrics, Learned);
    }
}
