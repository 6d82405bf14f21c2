namespace Search.Termination;

/// <summary>
/// A stopping rule, checked by the driver after each told result or generation. Some criteria
/// keep state between checks (stagnation, wall time), so use one instance per search.
/// </summary>
public interface ITermination
{
    string Name { get; }
    bool IsMet(SearchProgress progress);
}
