namespace Search.State;

/// <summary>A state file that cannot be read back: names the file and what is wrong with it.</summary>
public sealed class StateFileException(string path, string problem, Exception? inner = null)
    : IOException($"state file '{path}': {problem}", inner)
{
    public string FilePath { get; } = path;
    public string Problem { get; } = problem;
}
