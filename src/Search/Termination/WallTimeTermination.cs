namespace Search.Termination;

/// <summary>Stops once the limit has passed since construction, as read from the injected clock.</summary>
public sealed class WallTimeTermination(TimeSpan limit, IClock clock) : ITermination
{
    private readonly DateTimeOffset _start = clock.UtcNow;

    public string Name => "wall-time";
    public TimeSpan Limit { get; } = limit;
    public bool IsMet(SearchProgress progress) => clock.UtcNow - _start >= Limit;
}
