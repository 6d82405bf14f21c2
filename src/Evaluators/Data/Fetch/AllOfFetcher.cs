namespace Evaluators.Data.Fetch;

/// <summary>
/// Runs several fetchers into the same target, in order, and fails when any one fails: a dataset
/// spread over several packages (the fortunes text is in fortunes-min and fortunes).
/// </summary>
public sealed class AllOfFetcher(IEnumerable<IDatasetFetcher> parts) : IDatasetFetcher
{
    public IReadOnlyList<IDatasetFetcher> Parts { get; } = [.. parts];

    public string Name => string.Join(" + ", Parts.Select(p => p.Name));

    public void FetchInto(string targetDirectory, Action<string> progress, CancellationToken cancel)
    {
        foreach (var part in Parts)
        {
            cancel.ThrowIfCancellationRequested();
            part.FetchInto(targetDirectory, progress, cancel);
        }
    }
}
