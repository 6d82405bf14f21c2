namespace Cluster.Spaces;

/// <summary>
/// A search-space file that cannot be used: where (1-based line and column) and what was expected.
/// The message reads "file:line:column: problem" so editors and terminals can jump to it.
/// </summary>
public sealed class SearchSpaceException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>The problem alone, without the position.</summary>
    public string Problem { get; } = problem;
}
