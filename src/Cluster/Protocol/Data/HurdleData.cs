using Evaluators.Candidates;
using MessagePack;

namespace Cluster.Protocol.Data;

/// <summary><see cref="HurdleSettings"/> of a job's plan.</summary>
[MessagePackObject]
public sealed record HurdleData(
    [property: Key(0)] string? Task,
    [property: Key(1)] int Steps,
    [property: Key(2)] double MinValidationAccuracy)
{
    public static HurdleData From(HurdleSettings h) => new(h.Task, h.Steps, h.MinValidationAccuracy);

    public HurdleSettings ToDomain() => new() { Task = Task, Steps = Steps, MinValidationAccuracy = MinValidationAccuracy };
}
