using MessagePack;

namespace Search.Rejection;

/// <summary>
/// Counters of one stage. Plain and serializable so a worker in another process can send them
/// and the engine can sum them into its state.
/// </summary>
[MessagePackObject]
public sealed record StageStats(
    [property: Key(0)] string Name,
    [property: Key(1)] long Examined = 0,
    [property: Key(2)] long Rejected = 0,
    [property: Key(3)] long Reused = 0,
    [property: Key(4)] double Seconds = 0,
    [property: Key(5)] double ComputeSavedSeconds = 0)
{
    public StageStats Plus(StageStats other)
    {
        if (other.Name != Name) throw new ArgumentException($"cannot add stats of stage '{other.Name}' to '{Name}'", nameof(other));
        return new(Name, Examined + other.Examined, Rejected + other.Rejected, Reused + other.Reused,
            Seconds + other.Seconds, ComputeSavedSeconds + other.ComputeSavedSeconds);
    }
}
