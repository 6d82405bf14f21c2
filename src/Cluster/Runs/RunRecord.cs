using Cluster.Baselines;
using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Validation;

namespace Cluster.Runs;

/// <summary>
/// What a run directory records, read in one go: its info (run.json), latest status (status.json;
/// null before the first result), baselines (baselines.json), confirmation trainings (confirm.json)
/// and validation trainings (validate.json), the last three empty until written. Every command that
/// reads a run (status, export, confirm, validate, resume, the table after a run) reads it through this, so a missing run or a corrupt file
/// is reported the same way everywhere. Safe on a live run: its writers replace files atomically.
/// </summary>
/// <remarks>
/// Not "RunResult": <see cref="Hosting.RunResult"/> is how one in-process run ended; this is what the
/// directory holds, whoever wrote it and whether or not the run has finished.
/// </remarks>
public sealed record RunRecord(
    RunDirectory Directory,
    RunInfo Info,
    StatusReport? Status,
    IReadOnlyList<BaselineResult> Baselines,
    IReadOnlyList<ConfirmationResult> Confirmation,
    IReadOnlyList<ValidationResult> Validation)
{
    /// <summary>Reads the run in <paramref name="path"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No run.json there.</exception>
    /// <exception cref="RunDirectoryException">A file that does not hold what it should; the message names it.</exception>
    public static RunRecord Load(string path) => Read(path, problems: null);

    /// <summary>
    /// Reads what can be read of the run in <paramref name="path"/> now (a watcher's view of a live run):
    /// each file after run.json on its own, so one that is missing, half-written or unreadable counts as
    /// not there yet, and its reason goes to <paramref name="problems"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No run.json there.</exception>
    /// <exception cref="RunDirectoryException">run.json does not hold a run's info.</exception>
    public static RunRecord LoadReadable(string path, List<string> problems) => Read(path, problems);

    private static RunRecord Read(string path, List<string>? problems)
    {
        var dir = new RunDirectory(path);
        var info = RunJson.ReadIfExists<RunInfo>(dir.InfoFile, "a run's info (the JSON object `search run` writes)")
            ?? throw new DirectoryNotFoundException($"{dir.Path} holds no run (no {RunDirectory.InfoName})");
        T? Part<T>(string file, string expected) where T : class
        {
            if (problems is null) return RunJson.ReadIfExists<T>(file, expected);
            try { return RunJson.ReadIfExists<T>(file, expected); }
            catch (Exception e) when (e is RunDirectoryException or IOException or UnauthorizedAccessException)
            {
                problems.Add(e.Message);
                return null;
            }
        }
        return new RunRecord(dir, info,
            Part<StatusReport>(dir.StatusFile, "a run's status (the JSON object the coordinator writes)"),
            Part<BaselineResult[]>(dir.BaselinesFile, "the run's baselines (a JSON array of baseline results)") ?? [],
            Part<ConfirmationResult[]>(dir.ConfirmationFile, "the run's confirmation trainings (a JSON array of results)") ?? [],
            Part<ValidationResult[]>(dir.ValidationFile, "the run's validation trainings (a JSON array of results)") ?? []);
    }

    /// <summary>The space file the run searched: its copy in the run directory when there is one.</summary>
    public string SpaceSource => Info.SpaceCopy is { } copy ? Path.Combine(Directory.Path, copy) : Info.SpaceSource;

    /// <summary>
    /// Where relative paths inside the run's copy of its space (evaluation.data) start: the folder
    /// of the file the run was started from; null when there is no copy.
    /// </summary>
    public string? SpaceFolder => Info.SpaceCopy is null ? null : Path.GetDirectoryName(Path.GetFullPath(Info.SpaceSource));
}
