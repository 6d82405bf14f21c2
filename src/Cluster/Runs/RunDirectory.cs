using Cluster.Baselines;
using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Spaces;
using Cluster.Validation;

namespace Cluster.Runs;

/// <summary>
/// The files of one run and their writers: run.json (<see cref="RunInfo"/>), space.yaml (a copy of the
/// space file), store.db (the SQLite journal and snapshots, unless run.json names PostgreSQL), status.json (the coordinator's latest
/// status), baselines.json (the baselines evaluated beside the search), confirm.json (front members and
/// baselines retrained on shared seeds by `search confirm`), validate.json (the same on other tasks and
/// datasets, by `search validate`), history.jsonl (one line per finished evaluation, appended; read through
/// <see cref="RunHistory"/>). The JSON files are replaced atomically, so
/// readers never disturb a live run; they are read through <see cref="RunRecord"/>.
/// </summary>
public sealed class RunDirectory(string path)
{
    public const string InfoName = "run.json";
    public const string StoreName = "store.db";
    public const string StatusName = "status.json";
    public const string BaselinesName = "baselines.json";
    public const string ConfirmationName = "confirm.json";
    public const string ValidationName = "validate.json";
    public const string SpaceCopyName = "space.yaml";
    public const string HistoryName = "history.jsonl";

    // Without a trailing separator ("runs/x/" is "runs/x"), so the run id is the directory's name.
    public string Path { get; } = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
    public string InfoFile => Under(InfoName);
    public string StoreFile => Under(StoreName);
    public string StatusFile => Under(StatusName);
    public string BaselinesFile => Under(BaselinesName);
    public string ConfirmationFile => Under(ConfirmationName);
    public string ValidationFile => Under(ValidationName);
    public string SpaceCopy => Under(SpaceCopyName);
    /// <summary>history.jsonl: one line per finished evaluation (<see cref="RunHistory"/>), appended by the coordinating process.</summary>
    public string HistoryFile => Under(HistoryName);
    public string RunId => System.IO.Path.GetFileName(Path);

    public bool Exists => File.Exists(InfoFile);

    /// <summary>Creates the directory for a new run; refuses one that already holds a run.</summary>
    /// <param name="store">run.json's "Store" (see <see cref="RunInfo"/>); <paramref name="storeConnection"/> must hold no password.</param>
    public RunInfo Create(SearchSpace space, string store, TimeProvider clock, string? storeConnection = null, string? persistenceId = null)
    {
        if (Exists) throw new RunDirectoryException($"{Path} already holds a run; resume it or choose another directory");
        Directory.CreateDirectory(Path);
        string? copy = null;
        if (File.Exists(space.Source))
        {
            File.Copy(space.Source, SpaceCopy, overwrite: true);
            copy = SpaceCopyName;
        }
        // A copied file's original is recorded absolute: relative paths inside the copy start from its folder.
        var info = new RunInfo(RunId, space.Name, copy is null ? space.Source : System.IO.Path.GetFullPath(space.Source), copy, space.Seed, clock.GetUtcNow(), space.Family.Name,
            space.StrategyName, space.Engine.MaxEvaluations, store, storeConnection, persistenceId);
        RunJson.WriteAtomically(InfoFile, info);
        return info;
    }

    public void WriteStatus(StatusReport status) => RunJson.WriteAtomically(StatusFile, status);

    public void WriteBaselines(IReadOnlyList<BaselineResult> baselines) => RunJson.WriteAtomically(BaselinesFile, baselines);

    public void WriteConfirmation(IReadOnlyList<ConfirmationResult> results) => RunJson.WriteAtomically(ConfirmationFile, results);

    public void WriteValidation(IReadOnlyList<ValidationResult> results) => RunJson.WriteAtomically(ValidationFile, results);

    private string Under(string name) => System.IO.Path.Combine(Path, name);
}
