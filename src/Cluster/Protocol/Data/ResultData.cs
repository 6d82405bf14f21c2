using MessagePack;
using Search.Core;

namespace Cluster.Protocol.Data;

/// <summary>An <see cref="EvaluationResult"/> on the wire and in the journal (same layout as stored before the protocol types).</summary>
[MessagePackObject]
public sealed record ResultData(
    [property: Key(0)] ResultStatus Status,
    [property: Key(1)] double[]? Objectives,
    [property: Key(2)] string? Stage,
    [property: Key(3)] string? Reason,
    [property: Key(4)] double Seconds)
{
    public static ResultData From(EvaluationResult r) => new(r.Status switch
    {
        EvaluationStatus.Accepted => ResultStatus.Accepted,
        EvaluationStatus.Rejected => ResultStatus.Rejected,
        EvaluationStatus.Failed => ResultStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(r), r.Status, "no wire value for this status"),
    }, r.Objectives, r.Stage, r.Reason, r.Seconds);

    public EvaluationResult ToDomain() => new(Status switch
    {
        ResultStatus.Accepted => EvaluationStatus.Accepted,
        ResultStatus.Rejected => EvaluationStatus.Rejected,
        ResultStatus.Failed => EvaluationStatus.Failed,
        _ => throw new InvalidOperationException($"unknown result status {(int)Status}"),
    }, Objectives, Stage, Reason, Seconds);
}
