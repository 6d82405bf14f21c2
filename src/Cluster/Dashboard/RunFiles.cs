using Cluster.Runs;

namespace Cluster.Dashboard;

/// <summary>The run files the dashboard watches, and the check that a path given to it holds a run.</summary>
public static class RunFiles
{
    /// <summary>The files a run's writers replace (JSON) or append to (history.jsonl).</summary>
    public static readonly string[] WatchedNames =
    [
        RunDirectory.InfoName, RunDirectory.StatusName, RunDirectory.BaselinesName, RunDirectory.ConfirmationName,
        RunDirectory.ValidationName, RunDirectory.HistoryName,
    ];

    /// <summary>Throws <see cref="DirectoryNotFoundException"/> naming <paramref name="path"/> unless it holds a run (run.json).</summary>
    public static string RequireRun(string path)
    {
        var dir = new RunDirectory(path);
        if (!Directory.Exists(dir.Path)) throw new DirectoryNotFoundException($"{path}: no such directory");
        if (!dir.Exists) throw new DirectoryNotFoundException($"{path} holds no run (no {RunDirectory.InfoName})");
        return dir.Path;
    }
}
