using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data.Fetch;

public class FashionMnistSourceTests
{
    private static string CacheRoot(TempDir dir) => dir.File("cache");

    private static void AssertNoPartialLeft(TempDir dir)
    {
        if (Directory.Exists(CacheRoot(dir)))
            Assert.Empty(Directory.GetDirectories(CacheRoot(dir), ".fashion-mnist.partial-*"));
    }

    [Fact]
    public void Uses_the_first_search_directory_that_holds_all_files_without_fetching()
    {
        using var dir = new TempDir();
        TestFiles.WriteIdxSet(dir.Sub("incomplete"), gzip: true);
        File.Delete(dir.File("incomplete/" + IdxDataset.TestLabels + ".gz"));
        TestFiles.WriteIdxSet(dir.Sub("system"), gzip: true);
        var fetcher = FakeFetcher.Writing("fake");
        var source = new FashionMnistSource([dir.File("missing"), dir.File("incomplete"), dir.File("system")], CacheRoot(dir), [fetcher]);

        Assert.Equal(dir.File("system"), source.Locate());
        Assert.Equal(0, fetcher.Calls);
        Assert.Equal(6, source.Load().Train.Count);
    }

    [Fact]
    public void Uses_a_complete_cache_without_fetching()
    {
        using var dir = new TempDir();
        var fetcher = FakeFetcher.Writing("fake");
        var source = new FashionMnistSource([dir.File("missing")], CacheRoot(dir), [fetcher]);
        Directory.CreateDirectory(source.CacheDirectory);
        TestFiles.WriteIdxSet(source.CacheDirectory, gzip: false);

        Assert.Equal(source.CacheDirectory, source.Locate());
        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public void Absent_everywhere_without_fetchers_gives_one_clear_message()
    {
        using var dir = new TempDir();
        var source = new FashionMnistSource([dir.File("system")], CacheRoot(dir), []);
        var e = Assert.Throws<DatasetException>(() => source.Locate());
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("--data DIR", e.Message);
        Assert.Contains(dir.File("system"), e.Message);
        Assert.Contains(source.CacheDirectory, e.Message);
        Assert.Contains(IdxDataset.TrainImages, e.Message);
    }

    [Fact]
    public void All_fetchers_failing_lists_each_reason_and_leaves_no_cache()
    {
        using var dir = new TempDir();
        var apt = FakeFetcher.Failing("apt-get download dataset-fashion-mnist", "E: Unable to locate package");
        var http = FakeFetcher.Failing("download http://example/x.deb", "Name or service not known");
        var lines = new List<string>();
        var source = new FashionMnistSource([dir.File("system")], CacheRoot(dir), [apt, http]);

        var e = Assert.Throws<DatasetException>(() => source.Locate(lines.Add));
        Assert.Contains("apt-get download dataset-fashion-mnist: E: Unable to locate package", e.Message);
        Assert.Contains("download http://example/x.deb: Name or service not known", e.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", e.Message);
        Assert.Equal(1, apt.Calls);
        Assert.Equal(1, http.Calls);
        Assert.False(Directory.Exists(source.CacheDirectory));
        AssertNoPartialLeft(dir);
        Assert.Contains(lines, l => l.StartsWith("trying apt-get download", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("failed: Name or service not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Falls_back_to_the_next_fetcher_after_a_half_done_failure_and_publishes_whole()
    {
        using var dir = new TempDir();
        var half = new FakeFetcher("apt", target =>
        {
            TestFiles.WriteIdxSet(target, gzip: true);
            File.Delete(Path.Combine(target, IdxDataset.TestImages + ".gz"));
            throw new IOException("connection reset");
        });
        var good = FakeFetcher.Writing("http");
        var lines = new List<string>();
        var source = new FashionMnistSource([dir.File("system")], CacheRoot(dir), [half, good]);

        Assert.Equal(source.CacheDirectory, source.Locate(lines.Add));
        Assert.True(IdxDataset.HasAllFiles(source.CacheDirectory));
        AssertNoPartialLeft(dir);
        Assert.Contains(lines, l => l.Contains("ready in", StringComparison.Ordinal));

        // the second call finds the cache and fetches nothing
        Assert.Equal(source.CacheDirectory, source.Locate());
        Assert.Equal(1, good.Calls);
        Assert.Equal(1, half.Calls);
    }

    [Fact]
    public void Fetched_files_that_do_not_validate_are_not_published()
    {
        using var dir = new TempDir();
        var broken = new FakeFetcher("broken", target =>
        {
            TestFiles.WriteIdxSet(target, gzip: false);
            var bytes = File.ReadAllBytes(Path.Combine(target, IdxDataset.TrainImages));
            File.WriteAllBytes(Path.Combine(target, IdxDataset.TrainImages), bytes[..1000]);
        });
        var source = new FashionMnistSource([], CacheRoot(dir), [broken]);
        var e = Assert.Throws<DatasetException>(() => source.Locate());
        Assert.Contains("broken: ", e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.False(Directory.Exists(source.CacheDirectory));
        AssertNoPartialLeft(dir);
    }

    [Fact]
    public void Files_in_the_wrong_size_are_not_published()
    {
        using var dir = new TempDir();
        var wrong = new FakeFetcher("mnist-lookalike", target => TestFiles.WriteIdxSet(target, gzip: true, rows: 32, cols: 32));
        var source = new FashionMnistSource([], CacheRoot(dir), [wrong]);
        var e = Assert.Throws<DatasetException>(() => source.Locate());
        Assert.Contains("expected 28x28", e.Message);
        Assert.False(Directory.Exists(source.CacheDirectory));
    }

    [Fact]
    public void An_incomplete_cache_is_replaced_by_a_fresh_fetch()
    {
        using var dir = new TempDir();
        var fetcher = FakeFetcher.Writing("fake");
        var source = new FashionMnistSource([], CacheRoot(dir), [fetcher]);
        Directory.CreateDirectory(source.CacheDirectory);
        File.WriteAllText(Path.Combine(source.CacheDirectory, IdxDataset.TrainImages), "junk");

        Assert.Equal(source.CacheDirectory, source.Locate());
        Assert.Equal(1, fetcher.Calls);
        Assert.Equal(4, Directory.GetFiles(source.CacheDirectory).Length);
        Assert.Equal(6, source.Load().Train.Count);
    }

    [Fact]
    public void The_catalog_reports_the_same_message_when_nothing_is_found()
    {
        using var dir = new TempDir();
        var catalog = new DatasetCatalog(new FashionMnistSource([dir.File("system")], CacheRoot(dir), []));
        var e = Assert.Throws<DatasetException>(() => catalog.Load("fashion-mnist"));
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("--data DIR", e.Message);
    }

    [Fact]
    public void A_fetcher_timeout_falls_through_but_a_real_cancel_stops()
    {
        using var dir = new TempDir();
        var timeout = new FakeFetcher("slow", _ => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"));
        var good = FakeFetcher.Writing("good");
        var source = new FashionMnistSource([], CacheRoot(dir), [timeout, good]);
        Assert.Equal(source.CacheDirectory, source.Locate());

        using var other = new TempDir();
        using var cts = new CancellationTokenSource();
        var cancelling = new FakeFetcher("cancel", _ => { cts.Cancel(); cts.Token.ThrowIfCancellationRequested(); });
        var never = FakeFetcher.Writing("never");
        var stopped = new FashionMnistSource([], CacheRoot(other), [cancelling, never]);
        Assert.ThrowsAny<OperationCanceledException>(() => stopped.Locate(cancel: cts.Token));
        Assert.Equal(0, never.Calls);
        AssertNoPartialLeft(other);
    }

    [Fact]
    public void Default_source_searches_the_debian_directory_then_apt_then_http()
    {
        var source = FashionMnistSource.CreateDefault();
        Assert.Equal([FashionMnistSource.SystemDirectory], source.SearchDirectories);
        Assert.EndsWith(Path.Combine("layer-search", "datasets", "fashion-mnist"), source.CacheDirectory);
        Assert.Equal(2, source.Fetchers.Count);
        Assert.Equal("apt-get download dataset-fashion-mnist", source.Fetchers[0].Name);
        Assert.Equal($"download {FashionMnistSource.DebUrl}", source.Fetchers[1].Name);
    }
}
