namespace Search.State;

/// <summary>A readable state file saved by a different search (family, strategy or settings); resuming it is refused.</summary>
public sealed class IncompatibleStateException(string path, string problem)
    : InvalidOperationException($"state file '{path}' cannot resume this search: {problem}")
{
    public string FilePath { get; } = path;
    public string Problem { get; } = problem;
}
