namespace Evaluators.Data.Fetch;

/// <summary>`apt-get download PACKAGE`: needs no root, only the machine's package lists.</summary>
public sealed class AptGetDownloader(string package, string aptGet = "apt-get") : IDebDownloader
{
    public string Name => $"apt-get download {package}";

    public string Download(string workDirectory, Action<string> progress, CancellationToken cancel)
    {
        var result = ProcessRunner.Run(aptGet, ["download", package], workDirectory, progress, cancel, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
            throw new DatasetException($"{Name} exited with code {result.ExitCode}: {result.LastLine}", workDirectory);
        return Directory.GetFiles(workDirectory, "*.deb").FirstOrDefault()
               ?? throw new DatasetException($"{Name} succeeded but left no .deb in {workDirectory}", workDirectory);
    }
}
