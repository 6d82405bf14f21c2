using Cluster.Baselines;
using Cluster.Protocol;
using Cluster.Runs;

namespace Cluster.Dashboard;

/// <summary>
/// What the dashboard could read of one run directory just now: each file on its own, so a missing,
/// half-written or unreadable file costs only its own part (named in <see cref="Problems"/>), never the page.
/// </summary>
public sealed record RunFiles(string Path, string RunId, RunInfo? Info, StatusReport? Status, IReadOnlyList<BaselineResult> Baselines, IReadOnlyList<string> Problems)
{
    /// <summary>The files a run's writers replace (JSON) or append to (history.jsonl): the dashboard watches these.</summary>
    public static readonly string[] WatchedNames =
    [
        RunDirectory.InfoName, RunDirectory.StatusName, RunDirectory.BaselinesName, RunDirectory.ConfirmationName,
        RunDirectory.ValidationName, HistoryName,
    ];

    /// <summary>The run's appended history, when its writer keeps one.</summary>
    public const string HistoryName = "history.jsonl";

    public static RunFiles Read(string path)
    {
        var dir = new RunDirectory(path);
        var problems = new List<string>();
        var info = Try(() => RunJson.ReadIfExists<RunInfo>(dir.InfoFile, "a run's info"), problems);
        if (info is null && problems.Count == 0) problems.Add($"{RunDirectory.InfoName} is missing");
        var status = Try(() => RunJson.ReadIfExists<StatusReport>(dir.StatusFile, "a run's status"), problems);
        var baselines = Try(() => RunJson.ReadIfExists<BaselineResult[]>(dir.BaselinesFile, "the run's baselines"), problems) ?? [];
        return new RunFiles(dir.Path, dir.RunId, info, status, baselines, problems);
    }

    /// <summary>Throws <see cref="DirectoryNotFoundException"/> naming <paramref name="path"/> unless it holds a run (run.json).</summary>
    public static string RequireRun(string path)
    {
        var dir = new RunDirectory(path);
        if (!Directory.Exists(dir.Path)) throw new DirectoryNotFoundException($"{path}: no such directory");
        if (!dir.Exists) throw new DirectoryNotFoundException($"{path} holds no run (no {RunDirectory.InfoName})");
        return dir.Path;
    }

    private static T? Try<T>(Func<T?> read, List<string> problems) where T : class
    {
        try { return read(); }
        catch (Exception e) when (e is RunDirectoryException or IOException or UnauthorizedAccessException)
        {
            problems.Add(e.Message);
            return null;
        }
    }
}
