using Evaluators.Candidates;
using MessagePack;

namespace Cluster.Protocol.Data;

/// <summary><see cref="SanitySettings"/> of a job's plan.</summary>
[MessagePackObject]
public sealed record SanityData(
    [property: Key(0)] double MaxAbsOutput,
    [property: Key(1)] double MinOutputStd,
    [property: Key(2)] double MaxAbsGradient)
{
    public static SanityData From(SanitySettings s) => new(s.MaxAbsOutput, s.MinOutputStd, s.MaxAbsGradient);

    public SanitySettings ToDomain() => new() { MaxAbsOutput = MaxAbsOutput, MinOutputStd = MinOutputStd, MaxAbsGradient = MaxAbsGradient };
}
