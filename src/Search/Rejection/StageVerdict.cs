using Search.Core;

namespace Search.Rejection;

public enum VerdictKind { Pass, Reject, Reuse }

/// <summary>What one stage says: go on, stop with a reason, or stop and reuse a known result.</summary>
public sealed record StageVerdict
{
    private StageVerdict(VerdictKind kind, string? reason, EvaluationResult? reused) =>
        (Kind, Reason, Reused) = (kind, reason, reused);

    public VerdictKind Kind { get; }
    public string? Reason { get; }
    public EvaluationResult? Reused { get; }

    public static StageVerdict Pass { get; } = new(VerdictKind.Pass, null, null);
    public static StageVerdict Reject(string reason) => new(VerdictKind.Reject, reason ?? throw new ArgumentNullException(nameof(reason)), null);
    public static StageVerdict Reuse(EvaluationResult result) => new(VerdictKind.Reuse, null, result ?? throw new ArgumentNullException(nameof(result)));
}
