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
    public static RunRecord Load(string path)
    {
        var dir = new RunDirectory(path);
        var info = RunJson.ReadIfExists<RunInfo>(dir.InfoFile, "a run's info (the JSON object `search run` writes)")
            ?? throw new DirectoryNotFoundException($"{dir.Path} holds no run (no {RunDirectory.InfoName})");
        return new RunRecord(dir, info,
            RunJson.ReadIfExists<StatusReport>(dir.StatusFile, "a run's status (the JSON object the coordinator writes)"),
            RunJson.ReadIfExists<BaselineResult[]>(dir.BaselinesFile, "the run's baselines (a JSON array of baseline results)") ?? [],
            RunJson.ReadIfExists<ConfirmationResult[]>(dir.ConfirmationFile, "the run's confirmation trainings (a JSON array of results)") ?? [],
            RunJson.ReadIfExists<ValidationResult[]>(dir.ValidationFile, "the run's validation trainings (a JSON array of results)") ?? []);
    }

    /// <summary>The space file the run searched: its copy in the run directory when there is one.</summary>
    public string SpaceSource => Info.SpaceCopy is { } copy ? Path.Combine(Directory.Path, copy) : Info.SpaceSource;

    /// <summary>
    /// Where relative paths inside the run's copy of its space (evaluation.data) start: the folder
    /// of the file the run was started from; null when there is no copy.
    /// </summary>
    public string? SpaceFolder => Info.SpaceCopy is null ? null : Path.GetDirectoryName(Path.GetFullPath(Info.SpaceSource));
}
