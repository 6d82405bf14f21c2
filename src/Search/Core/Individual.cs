using MessagePack;

namespace Search.Core;

public enum EvaluationStatus { Accepted, Rejected, Failed }

/// <summary>
/// What an evaluator reports for one proposal. Objectives are in the order of the search's
/// <see cref="ObjectiveSet"/> and in their natural direction; they are null unless Accepted.
/// </summary>
[MessagePackObject]
public sealed record EvaluationResult(
    [property: Key(0)] EvaluationStatus Status,
    [property: Key(1)] double[]? Objectives,
    [property: Key(2)] string? Stage = null,
    [property: Key(3)] string? Reason = null,
    [property: Key(4)] double Seconds = 0)
{
    public static EvaluationResult Accept(params double[] objectives) => new(EvaluationStatus.Accepted, objectives);
    public static EvaluationResult Reject(string stage, string reason, double seconds = 0) => new(EvaluationStatus.Rejected, null, stage, reason, seconds);
    public static EvaluationResult Fail(string reason, double seconds = 0) => new(EvaluationStatus.Failed, null, null, reason, seconds);
}

/// <summary>An evaluated candidate: its proposal id, genome, result, and its objectives turned to minimisation.</summary>
public sealed record Individual<TGenome>(long Id, TGenome Genome, EvaluationResult Result, double[] Minimized)
    where TGenome : IGenome
{
    public bool IsFeasible => Result.Status == EvaluationStatus.Accepted;
}
