namespace Evaluators.Data;

/// <summary>
/// The one error every dataset reader and fetcher throws: the message names the file (or
/// directory) and says what is wrong with it, so a user can fix the input without a stack trace.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>The file or directory concerned, when there is one.</summary>
    public string? Path { get; }

    public DatasetException(string message, string? path = null, Exception? inner = null)
        : base(message, inner) => Path = path;
}
