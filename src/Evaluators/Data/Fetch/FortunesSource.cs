using Evaluators.Data.Text;

namespace Evaluators.Data.Fetch;

/// <summary>
/// Finds the English text of the character-level language-model task, fortune-mod's cookie files
/// (Debian packages fortunes-min and fortunes): the system directory, else the user cache, else
/// fetches both packages into the cache (apt-get download, then a direct download), else stops
/// with one message that says how to get it. A directory counts only when its text files hold at
/// least <c>minimumBytes</c> (the fortunes-min package alone is about 100 KB, not enough). Every
/// place is injectable so tests run without the network.
/// </summary>
public sealed class FortunesSource(IEnumerable<string> searchDirectories, string cacheRoot, IEnumerable<IDatasetFetcher> fetchers,
    long minimumBytes = FortunesSource.MinimumBytes)
{
    public const long MinimumBytes = 1_000_000;
    public const string SystemDirectory = "/usr/share/games/fortunes";
    public const string PackageDirectory = "usr/share/games/fortunes";
    public static IReadOnlyList<string> PackageNames { get; } = ["fortunes-min", "fortunes"];
    public static IReadOnlyList<string> DebUrls { get; } =
    [
        "http://deb.debian.org/debian/pool/main/f/fortune-mod/fortunes-min_1.99.1-7.3_all.deb",
        "http://deb.debian.org/debian/pool/main/f/fortune-mod/fortunes_1.99.1-7.3_all.deb",
    ];
    public const string HowToGet =
        "To get it: run `sudo apt-get install fortunes` (it brings fortunes-min), or `apt-get download fortunes fortunes-min` " +
        "and unpack both with `dpkg-deb -x PACKAGE.deb DIR`, then copy DIR/usr/share/games/fortunes/* into the cache directory named above.";

    public IReadOnlyList<string> SearchDirectories { get; } = [.. searchDirectories];
    public IReadOnlyList<IDatasetFetcher> Fetchers { get; } = [.. fetchers];
    public string CacheDirectory { get; } = Path.Combine(cacheRoot, "fortunes");
    public long RequiredBytes { get; } = minimumBytes >= 0 ? minimumBytes
        : throw new ArgumentOutOfRangeException(nameof(minimumBytes), minimumBytes, "must not be negative");

    public static FortunesSource CreateDefault() => new([SystemDirectory], DatasetCache.DefaultRoot(),
    [
        new AllOfFetcher(PackageNames.Select(p => new DebPackageFetcher(new AptGetDownloader(p), PackageDirectory))),
        new AllOfFetcher(DebUrls.Select(u => new DebPackageFetcher(new HttpDebDownloader(new Uri(u)), PackageDirectory))),
    ]);

    /// <summary>Whether <paramref name="directory"/> holds cookie files of at least <see cref="RequiredBytes"/> in all.</summary>
    public bool IsUsable(string directory) =>
        Directory.Exists(directory) && FortunesCorpus.TextFiles(directory).Sum(f => new FileInfo(f).Length) >= Math.Max(1, RequiredBytes);

    /// <summary>The directory holding the cookie files, fetching them into the cache when needed.</summary>
    public string Locate(Action<string>? progress = null, CancellationToken cancel = default) =>
        new DatasetLocator("fortunes text", $"The fortunes text (at least {RequiredBytes} bytes of cookie files)", $"packages {string.Join(", ", PackageNames)}",
            HowToGet, SearchDirectories, CacheDirectory, Fetchers, IsUsable, CheckFetched).Locate(progress, cancel);

    /// <summary>The normalised corpus (see <see cref="FortunesCorpus"/>), fetching it when needed.</summary>
    public FortunesCorpus Load(Action<string>? progress = null, CancellationToken cancel = default) =>
        FortunesCorpus.Read(Locate(progress, cancel));

    private void CheckFetched(string staging)
    {
        if (IsUsable(staging)) return;
        long bytes = FortunesCorpus.TextFiles(staging).Sum(f => new FileInfo(f).Length);
        throw new DatasetException($"the fetched files hold {bytes} bytes of cookie files, fewer than {RequiredBytes}", staging);
    }
}
