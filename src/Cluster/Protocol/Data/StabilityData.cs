using Evaluators.Candidates;
using MessagePack;

namespace Cluster.Protocol.Data;

/// <summary><see cref="StabilitySettings"/> of a job's plan.</summary>
[MessagePackObject]
public sealed record StabilityData(
    [property: Key(0)] bool Enabled,
    [property: Key(1)] int Steps,
    [property: Key(2)] double StepSize,
    [property: Key(3)] double MaxGradientNorm,
    [property: Key(4)] int BatchSize)
{
    public static StabilityData From(StabilitySettings s) => new(s.Enabled, s.Steps, s.StepSize, s.MaxGradientNorm, s.BatchSize);

    public StabilitySettings ToDomain() => new() { Enabled = Enabled, Steps = Steps, StepSize = StepSize, MaxGradientNorm = MaxGradientNorm, BatchSize = BatchSize };
}
