using MessagePack;

namespace Search.Rejection;

/// <summary>
/// Per-stage counters keyed by stage name. Merging is a sum, so counters from many workers
/// combine in any order; stages serialize sorted by name so the bytes are deterministic.
/// </summary>
[MessagePackObject]
public sealed class RejectionCounters
{
    private readonly SortedDictionary<string, StageStats> _stages = new(StringComparer.Ordinal);

    /// <summary>All stages, sorted by name (this is what is serialized).</summary>
    [Key(0)]
    public StageStats[] Stages
    {
        get => _stages.Values.ToArray();
        set { _stages.Clear(); foreach (var s in value) Add(s); }
    }

    [IgnoreMember]
    public StageStats this[string name] => _stages.TryGetValue(name, out var s) ? s : new StageStats(name);

    public void Add(StageStats stats) => _stages[stats.Name] = this[stats.Name].Plus(stats);

    public void Merge(RejectionCounters other)
    {
        foreach (var s in other.Stages) Add(s);
    }

    public RejectionCounters Clone()
    {
        var c = new RejectionCounters();
        c.Merge(this);
        return c;
    }
}
