using System.Text;
using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Text;
using Evaluators.Tests.Data;
using Evaluators.Tests.Data.Fetch;

namespace Evaluators.Tests.CharLm;

public class CharLmCorpusTests
{
    /// <summary>Two cookie files (written out of order), their index files and a .u8 link, as the packages install them.</summary>
    private static void WriteCookies(string directory, string prefix = "")
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "zeta"), prefix + "Last words.\n%\n");
        File.WriteAllText(Path.Combine(directory, "alpha"), prefix + "First\tcookie.\n%\nSecond.\n%\n");
        File.WriteAllBytes(Path.Combine(directory, "alpha.dat"), [0, 1, 2, 200, 255]);
        File.CreateSymbolicLink(Path.Combine(directory, "alpha.u8"), "alpha");
    }

    private static FortunesSource Source(TempDir dir, IEnumerable<string> system, params IDatasetFetcher[] fetchers) =>
        new(system, dir.File("cache"), fetchers, minimumBytes: 30);

    [Fact]
    public void CharLm_source_uses_the_system_directory_without_fetching()
    {
        using var dir = new TempDir();
        WriteCookies(dir.Sub("system"));
        Directory.CreateDirectory(dir.File("small"));
        File.WriteAllText(dir.File("small/tiny"), "too little\n"); // under the minimum: not a corpus
        var fetcher = new FakeFetcher("fake", d => WriteCookies(d));
        var source = Source(dir, [dir.File("missing"), dir.File("small"), dir.File("system")], fetcher);

        Assert.Equal(dir.File("system"), source.Locate());
        Assert.Equal(0, fetcher.Calls);
        Assert.Equal("First cookie.\n\nSecond.\n\nLast words.\n\n", source.Load().Text);
    }

    [Fact]
    public void CharLm_source_uses_the_cache_without_fetching()
    {
        using var dir = new TempDir();
        var fetcher = new FakeFetcher("fake", d => WriteCookies(d));
        var source = Source(dir, [dir.File("missing")], fetcher);
        Assert.Equal(Path.Combine(dir.File("cache"), "fortunes"), source.CacheDirectory);
        WriteCookies(source.CacheDirectory);

        Assert.Equal(source.CacheDirectory, source.Locate());
        Assert.Equal(0, fetcher.Calls);
    }

    [Fact]
    public void CharLm_source_fetches_into_the_cache_after_a_failing_fetcher_and_then_reuses_it()
    {
        using var dir = new TempDir();
        var broken = FakeFetcher.Failing("apt-get download fortunes-min + apt-get download fortunes", "no package lists");
        var shortText = new FakeFetcher("short", d => File.WriteAllText(Path.Combine(d, "one"), "x\n%\n"));
        var good = new FakeFetcher("good", d => WriteCookies(d));
        var lines = new List<string>();
        var source = Source(dir, [dir.File("system")], broken, shortText, good);

        Assert.Equal(source.CacheDirectory, source.Locate(lines.Add));
        Assert.Equal((1, 1, 1), (broken.Calls, shortText.Calls, good.Calls));
        Assert.Contains(lines, l => l.Contains("no package lists"));
        Assert.Contains(lines, l => l.Contains("fewer than 30"));
        Assert.Equal(["alpha", "zeta"], FortunesCorpus.TextFiles(source.CacheDirectory).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(dir.File("cache"), ".fortunes.partial-*"));

        Assert.Equal(source.CacheDirectory, source.Locate());
        Assert.Equal(1, good.Calls);
    }

    [Fact]
    public void CharLm_source_absent_everywhere_gives_one_message_saying_how_to_get_it()
    {
        using var dir = new TempDir();
        var source = Source(dir, [dir.File("system")], FakeFetcher.Failing("apt-get download fortunes", "offline"));
        var e = Assert.Throws<DatasetException>(() => source.Locate());
        Assert.Contains("sudo apt-get install fortunes", e.Message);
        Assert.Contains("apt-get download fortunes fortunes-min", e.Message);
        Assert.Contains(dir.File("system"), e.Message);
        Assert.Contains(source.CacheDirectory, e.Message);
        Assert.Contains("offline", e.Message);
        Assert.False(Directory.Exists(source.CacheDirectory));

        var none = Source(dir, [dir.File("system")]);
        Assert.Contains("no fetcher was configured", Assert.Throws<DatasetException>(() => none.Locate()).Message);
    }

    [Fact]
    public void CharLm_default_source_looks_in_the_system_directory_then_fetches_both_packages_with_apt_then_http()
    {
        var source = FortunesSource.CreateDefault();
        Assert.Equal([FortunesSource.SystemDirectory], source.SearchDirectories);
        Assert.Equal(FortunesSource.MinimumBytes, source.RequiredBytes);
        Assert.Equal(2, source.Fetchers.Count);
        Assert.Equal("apt-get download fortunes-min + apt-get download fortunes", source.Fetchers[0].Name);
        Assert.Contains("fortunes-min_1.99.1-7.3_all.deb", source.Fetchers[1].Name);
        Assert.Contains("/fortunes_1.99.1-7.3_all.deb", source.Fetchers[1].Name);
    }

    [Fact]
    public void CharLm_corpus_reads_cookie_files_in_ordinal_order_skipping_indexes_and_links()
    {
        using var dir = new TempDir();
        WriteCookies(dir.Sub("cookies"));
        File.WriteAllText(dir.File("cookies/Zeta"), "Upper case sorts first.\n%"); // no final newline: one is added
        var files = FortunesCorpus.TextFiles(dir.File("cookies")).Select(Path.GetFileName);
        Assert.Equal(["Zeta", "alpha", "zeta"], files);
        Assert.Equal("Upper case sorts first.\n\nFirst cookie.\n\nSecond.\n\nLast words.\n\n",
            FortunesCorpus.Read(dir.File("cookies")).Text);
    }

    [Fact]
    public void CharLm_normalisation_maps_onto_newline_and_printable_ascii()
    {
        string raw = "Caf\u00e9 \u00fcber Stra\u00dfe\r\n\t_\b_x\a\n%\n100% sure \u00a3\u2019\u2026\n";
        Assert.Equal("Cafe uber Strasse\n __x\n\n100% sure '...\n", FortunesCorpus.Normalize(raw));

        var corpus = new FortunesCorpus("ba\nc a");
        Assert.Equal(['\n', ' ', 'a', 'b', 'c'], corpus.Vocabulary);
        Assert.Equal(2, corpus.Id('a'));
        Assert.Throws<ArgumentException>(() => corpus.Id('z'));
        Assert.Throws<ArgumentException>(() => new FortunesCorpus("tab\there"));
    }

    [Fact]
    public void CharLm_utf8_invalid_bytes_are_dropped()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("c"));
        File.WriteAllBytes(dir.File("c/bytes"), [.. Encoding.ASCII.GetBytes("ok"), 0xFF, 0xC3, .. Encoding.ASCII.GetBytes("!\n")]);
        Assert.Equal("ok!\n", FortunesCorpus.Read(dir.File("c")).Text);
    }
}
