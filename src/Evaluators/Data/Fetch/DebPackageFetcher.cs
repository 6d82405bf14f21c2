namespace Evaluators.Data.Fetch;

/// <summary>
/// Fetches a Debian package with a downloader, unpacks it with `dpkg-deb -x` (no root needed)
/// and moves the files of one directory inside it to the target.
/// </summary>
public sealed class DebPackageFetcher(IDebDownloader downloader, string packageDirectory, string dpkgDeb = "dpkg-deb")
    : IDatasetFetcher
{
    public string Name => downloader.Name;

    public void FetchInto(string targetDirectory, Action<string> progress, CancellationToken cancel)
    {
        var work = Directory.CreateTempSubdirectory("layer-search-deb-");
        try
        {
            string deb = downloader.Download(work.FullName, progress, cancel);
            string root = Path.Combine(work.FullName, "root");
            progress($"  unpacking {Path.GetFileName(deb)} with {dpkgDeb} -x");
            var result = ProcessRunner.Run(dpkgDeb, ["-x", deb, root], work.FullName, progress, cancel, TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
                throw new DatasetException($"{dpkgDeb} -x {deb} exited with code {result.ExitCode}: {result.LastLine}", deb);
            string source = Path.Combine(root, packageDirectory);
            if (!Directory.Exists(source))
                throw new DatasetException($"{deb}: the package holds no {packageDirectory}", deb);
            foreach (var file in Directory.GetFiles(source))
                File.Move(file, Path.Combine(targetDirectory, Path.GetFileName(file)));
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } // scratch in the temp dir; best effort
        }
    }
}
