using Search.Core;
using Search.Rejection;

namespace Evaluators.Candidates;

/// <summary>
/// What an evaluation produced: the engine-facing result (objectives in the plan's order, or the
/// rejecting stage and reason), the probe fingerprint when one was computed, per-stage counters to
/// merge into the engine's, plain metrics for reports, and learned scalars for export.
/// </summary>
public sealed record EvaluationReport(
    EvaluationResult Result,
    ProbeFingerprint? Fingerprint,
    RejectionCounters Stages,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Learned);
