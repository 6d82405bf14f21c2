namespace Evaluators.Data.Fetch;

/// <summary>
/// Finds a dataset's directory for a source (Fashion-MNIST, the fortunes text): the first usable search
/// directory, else the user cache, else each fetcher in turn into the cache, else one error naming every
/// place and how to get the data. A fetch goes to a staging folder beside the cache (same filesystem),
/// is validated, then renamed: the cache is either whole or absent, even if the process dies mid-fetch.
/// </summary>
public sealed record DatasetLocator(
    string ShortName, string UnavailableName, string Packages, string HowToGet,
    IReadOnlyList<string> SearchDirectories, string CacheDirectory, IReadOnlyList<IDatasetFetcher> Fetchers,
    Func<string, bool> IsUsable, Action<string> ValidateFetched)
{
    public string Locate(Action<string>? progress = null, CancellationToken cancel = default)
    {
        progress ??= _ => { };
        var found = SearchDirectories.Append(CacheDirectory).FirstOrDefault(IsUsable);
        if (found is not null) return found;

        var failures = new List<string>();
        if (Fetchers.Count > 0)
            progress($"{ShortName} not found in {Places()}; fetching {Packages} into {CacheDirectory}");
        foreach (var fetcher in Fetchers)
        {
            cancel.ThrowIfCancellationRequested();
            progress($"trying {fetcher.Name}");
            try
            {
                Publish(fetcher, progress, cancel);
                progress($"{ShortName} is ready in {CacheDirectory}");
                return CacheDirectory;
            }
            catch (Exception e) when (!cancel.IsCancellationRequested) // an HTTP timeout is a failure, not a cancel
            {
                failures.Add($"{fetcher.Name}: {e.Message}");
                progress($"{fetcher.Name} failed: {e.Message}");
            }
        }
        string fetching = failures.Count == 0 ? "no fetcher was configured" : "fetching failed: " + string.Join("; ", failures);
        throw new DatasetException($"{UnavailableName} is not available: not found in {Places()}, and {fetching}. {HowToGet}", CacheDirectory);
    }

    private void Publish(IDatasetFetcher fetcher, Action<string> progress, CancellationToken cancel)
    {
        string root = Path.GetDirectoryName(CacheDirectory)!;
        Directory.CreateDirectory(root);
        string staging = Path.Combine(root, $".{Path.GetFileName(CacheDirectory)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            fetcher.FetchInto(staging, progress, cancel);
            ValidateFetched(staging);

            if (IsUsable(CacheDirectory)) return; // another process published first
            if (Directory.Exists(CacheDirectory)) Directory.Delete(CacheDirectory, recursive: true); // incomplete leftover
            try { Directory.Move(staging, CacheDirectory); }
            catch (IOException) when (IsUsable(CacheDirectory)) { } // lost a race to an identical copy
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private string Places() => string.Join(" or ", SearchDirectories.Append(CacheDirectory));
}
