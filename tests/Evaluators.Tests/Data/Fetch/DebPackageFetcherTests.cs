using System.Diagnostics;
using Evaluators.Data;
using Evaluators.Data.Fetch;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data.Fetch;

/// <summary>Unpacking a real (locally built, tiny) .deb with dpkg-deb; no network.</summary>
public class DebPackageFetcherTests
{
    /// <summary>Hands out a prepared .deb as if it had been downloaded.</summary>
    private sealed class CopyDownloader(string deb) : IDebDownloader
    {
        public string Name => "copy " + deb;
        public string Download(string workDirectory, Action<string> progress, CancellationToken cancel)
        {
            string target = Path.Combine(workDirectory, Path.GetFileName(deb));
            File.Copy(deb, target);
            return target;
        }
    }

    /// <summary>Builds dataset-fashion-mnist_test_all.deb holding small IDX files under <paramref name="inner"/>.</summary>
    private static string BuildDeb(TempDir dir, string inner)
    {
        string root = dir.Sub("pkgroot");
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"),
            "Package: dataset-fashion-mnist\nVersion: 0.0-test\nArchitecture: all\nMaintainer: test <t@example.org>\n" +
            "Description: tiny test package\n");
        string data = Directory.CreateDirectory(Path.Combine(root, inner)).FullName;
        TestFiles.WriteIdxSet(data, gzip: true);
        string deb = dir.File("dataset-fashion-mnist_test_all.deb");
        var p = Process.Start(new ProcessStartInfo("dpkg-deb", ["--root-owner-group", "--build", root, deb])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
        return deb;
    }

    [ToolFact("dpkg-deb")]
    public void Unpacks_the_dataset_directory_into_the_target()
    {
        using var dir = new TempDir();
        var fetcher = new DebPackageFetcher(new CopyDownloader(BuildDeb(dir, FashionMnistSource.PackageDirectory)),
            FashionMnistSource.PackageDirectory);
        string target = dir.Sub("target");
        var lines = new List<string>();
        fetcher.FetchInto(target, lines.Add, CancellationToken.None);

        Assert.True(IdxDataset.HasAllFiles(target));
        Assert.Equal(4, Directory.GetFiles(target).Length);
        Assert.Contains(lines, l => l.Contains("dpkg-deb -x", StringComparison.Ordinal));
    }

    [ToolFact("dpkg-deb")]
    public void End_to_end_through_the_source_into_the_cache()
    {
        using var dir = new TempDir();
        var fetcher = new DebPackageFetcher(new CopyDownloader(BuildDeb(dir, FashionMnistSource.PackageDirectory)),
            FashionMnistSource.PackageDirectory);
        var source = new FashionMnistSource([dir.File("nowhere")], dir.File("cache"), [fetcher]);
        var splits = source.Load();
        Assert.Equal(6, splits.Train.Count);
        Assert.True(IdxDataset.HasAllFiles(source.CacheDirectory));
    }

    [ToolFact("dpkg-deb")]
    public void A_package_without_the_directory_is_an_error()
    {
        using var dir = new TempDir();
        var fetcher = new DebPackageFetcher(new CopyDownloader(BuildDeb(dir, "usr/share/other")), FashionMnistSource.PackageDirectory);
        var e = Assert.Throws<DatasetException>(() => fetcher.FetchInto(dir.Sub("target"), _ => { }, CancellationToken.None));
        Assert.Contains("holds no usr/share/datasets/fashion-mnist", e.Message);
    }

    [Fact]
    public void A_missing_dpkg_deb_is_reported_by_name()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("x.deb"), "not a deb");
        var fetcher = new DebPackageFetcher(new CopyDownloader(dir.File("x.deb")), "usr/share/x", dpkgDeb: dir.File("no-dpkg-deb"));
        var e = Assert.Throws<DatasetException>(() => fetcher.FetchInto(dir.Sub("target"), _ => { }, CancellationToken.None));
        Assert.Contains("cannot run " + dir.File("no-dpkg-deb"), e.Message);
    }

    [ToolFact("dpkg-deb")]
    public void A_file_that_is_not_a_deb_fails_with_the_tool_exit_code()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("x.deb"), "not a deb");
        var fetcher = new DebPackageFetcher(new CopyDownloader(dir.File("x.deb")), "usr/share/x");
        var e = Assert.Throws<DatasetException>(() => fetcher.FetchInto(dir.Sub("target"), _ => { }, CancellationToken.None));
        Assert.Contains("dpkg-deb -x", e.Message);
        Assert.Contains("exited with code", e.Message);
    }
}
