using Cluster.Reports;
using Cluster.Runs;
using Cluster.Spaces;

namespace Cluster.Cli;

/// <summary>
/// `search export --format latex --figures DIR`: the report's plots of the run as PNG files in DIR
/// (<see cref="PngReport"/>), named for the LaTeX file relative to its folder (or as given when it goes to stdout).
/// </summary>
public static class ExportFigures
{
    private static readonly Dictionary<string, string> Captions = new(StringComparer.Ordinal)
    {
        ["front.png"] = "The search's Pareto front and its baselines.",
        ["progress.png"] = "Best so far against evaluations.",
        ["curves.png"] = "The front's layers.",
    };

    /// <exception cref="ArgumentException">A format other than latex.</exception>
    /// <exception cref="PngUnavailableException">PNG output cannot work here.</exception>
    public static IReadOnlyList<(string Path, string Caption)> Write(RunRecord run, SearchSpace space, string folder, string format,
        string? texFile, Action<string> log)
    {
        if (format != "latex") throw new ArgumentException($"--figures: the {format} export has no figures; use it with --format latex");
        var files = PngReport.Write(RunView.Of(run, space), folder);
        foreach (var f in files) log($"wrote {f}");
        string? texFolder = texFile is null ? null : Path.GetDirectoryName(Path.GetFullPath(texFile));
        return files.Select(f => (texFolder is null ? f : Path.GetRelativePath(texFolder, Path.GetFullPath(f)),
            $"Run {run.Info.RunId}: {Captions.GetValueOrDefault(Path.GetFileName(f), Path.GetFileNameWithoutExtension(f))}")).ToArray();
    }
}
