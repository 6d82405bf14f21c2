namespace Evaluators.Data.Fetch;

/// <summary>One way of obtaining a dataset's files (a package manager, a direct download, a fake in tests).</summary>
public interface IDatasetFetcher
{
    /// <summary>Short description for progress lines and error messages.</summary>
    string Name { get; }

    /// <summary>
    /// Puts the dataset's files directly into <paramref name="targetDirectory"/> (created and
    /// empty); throws with a readable message on failure. The caller validates and publishes.
    /// </summary>
    void FetchInto(string targetDirectory, Action<string> progress, CancellationToken cancel);
}
