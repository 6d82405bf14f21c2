using MessagePack;
using Search.Rejection;

namespace Search.Engine;

/// <summary>
/// Bookkeeping of one run. Accepted/Rejected/Failed count results as applied in order;
/// <see cref="Stages"/> sums pipeline counters sent by workers and the engine's own screen.
/// </summary>
[MessagePackObject]
public sealed class EngineCounters
{
    [Key(0)] public long Proposed { get; set; }
    [Key(1)] public long Told { get; set; }
    [Key(2)] public long Applied { get; set; }
    [Key(3)] public long Accepted { get; set; }
    [Key(4)] public long Rejected { get; set; }
    [Key(5)] public long Failed { get; set; }
    [Key(6)] public long Duplicates { get; set; }
    [Key(7)] public long CacheHits { get; set; }
    [Key(8)] public RejectionCounters Stages { get; set; } = new();

    private readonly SortedDictionary<string, long> _rejectedByStage = new(StringComparer.Ordinal);

    /// <summary>Rejected results per the stage named in the result, sorted by stage name.</summary>
    [Key(9)]
    public NamedCount[] RejectedByStage
    {
        get => _rejectedByStage.Select(kv => new NamedCount(kv.Key, kv.Value)).ToArray();
        set { _rejectedByStage.Clear(); foreach (var c in value) _rejectedByStage[c.Name] = c.Count; }
    }

    public long RejectedAt(string stage) => _rejectedByStage.GetValueOrDefault(stage);

    internal void CountRejection(string stage) => _rejectedByStage[stage] = RejectedAt(stage) + 1;
}
