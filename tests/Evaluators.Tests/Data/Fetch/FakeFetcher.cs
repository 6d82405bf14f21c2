using Evaluators.Data.Fetch;

namespace Evaluators.Tests.Data.Fetch;

/// <summary>A fetcher that runs a test-supplied action instead of touching the network, and counts calls.</summary>
public sealed class FakeFetcher(string name, Action<string> fetch) : IDatasetFetcher
{
    public string Name => name;
    public int Calls { get; private set; }

    public void FetchInto(string targetDirectory, Action<string> progress, CancellationToken cancel)
    {
        Calls++;
        progress($"  {name} working");
        fetch(targetDirectory);
    }

    public static FakeFetcher Failing(string name, string reason) => new(name, _ => throw new IOException(reason));

    public static FakeFetcher Writing(string name) => new(name, dir => TestFiles.WriteIdxSet(dir, gzip: true));
}
