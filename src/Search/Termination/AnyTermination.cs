namespace Search.Termination;

/// <summary>Stops when any criterion is met. Every criterion is checked each time so stateful ones keep up.</summary>
public sealed class AnyTermination(params ITermination[] criteria) : ITermination
{
    public string Name => "any";
    public IReadOnlyList<ITermination> Criteria { get; } = criteria;

    public bool IsMet(SearchProgress progress)
    {
        bool met = false;
        foreach (var c in Criteria) met |= c.IsMet(progress);
        return met;
    }
}
