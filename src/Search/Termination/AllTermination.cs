namespace Search.Termination;

/// <summary>Stops when every criterion is met. Every criterion is checked each time so stateful ones keep up.</summary>
public sealed class AllTermination(params ITermination[] criteria) : ITermination
{
    public string Name => "all";
    public IReadOnlyList<ITermination> Criteria { get; } = criteria;

    public bool IsMet(SearchProgress progress)
    {
        bool met = Criteria.Count > 0;
        foreach (var c in Criteria) met &= c.IsMet(progress);
        return met;
    }
}
