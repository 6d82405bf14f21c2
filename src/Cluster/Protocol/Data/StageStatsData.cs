using MessagePack;
using Search.Rejection;

namespace Cluster.Protocol.Data;

/// <summary>One rejection stage's <see cref="StageStats"/> on the wire, in the journal and in status.json.</summary>
[MessagePackObject]
public sealed record StageStatsData(
    [property: Key(0)] string Name,
    [property: Key(1)] long Examined,
    [property: Key(2)] long Rejected,
    [property: Key(3)] long Reused,
    [property: Key(4)] double Seconds,
    [property: Key(5)] double ComputeSavedSeconds)
{
    public static StageStatsData From(StageStats s) => new(s.Name, s.Examined, s.Rejected, s.Reused, s.Seconds, s.ComputeSavedSeconds);

    public static StageStatsData[] From(IEnumerable<StageStats> stages) => stages.Select(From).ToArray();

    public StageStats ToDomain() => new(Name, Examined, Rejected, Reused, Seconds, ComputeSavedSeconds);
}
