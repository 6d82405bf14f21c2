using Search.Core;

namespace Search.Rejection;

/// <summary>
/// What the whole pipeline decided. <see cref="Stage"/> names the stage that rejected or reused
/// (null when every stage passed and the candidate goes on to full training).
/// </summary>
public sealed record PipelineOutcome(VerdictKind Kind, string? Stage, string? Reason, EvaluationResult? Reused, double Seconds)
{
    public bool Passed => Kind == VerdictKind.Pass;

    /// <summary>The result to report when the pipeline settled the candidate; null when it passed.</summary>
    public EvaluationResult? ToResult() => Kind switch
    {
        VerdictKind.Reject => EvaluationResult.Reject(Stage!, Reason!, Seconds),
        VerdictKind.Reuse => Reused,
        _ => null,
    };
}
