using System.Text.Json;
using Cluster.Baselines;
using Cluster.Confirmation;
using Cluster.Protocol;
using Cluster.Spaces;

namespace Cluster.Runs;

/// <summary>
/// The files of one run: run.json (<see cref="RunInfo"/>), space.yaml (a copy of the space file),
/// store.db (the SQLite journal and snapshots), status.json (the coordinator's latest status,
/// rewritten atomically; baselines.json holds the baselines evaluated beside the search, so readers never disturb a live run),
/// confirm.json (front members and baselines retrained on shared seeds by `search confirm`).
/// </summary>
public sealed class RunDirectory(string path)
{
    // Metrics and objectives may be infinite or NaN (a rejected candidate's loss): write them as "Infinity", "NaN".
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string InfoFile => System.IO.Path.Combine(Path, "run.json");
    public string StoreFile => System.IO.Path.Combine(Path, "store.db");
    public string StatusFile => System.IO.Path.Combine(Path, "status.json");
    public string BaselinesFile => System.IO.Path.Combine(Path, "baselines.json");
    public string ConfirmationFile => System.IO.Path.Combine(Path, "confirm.json");
    public string SpaceCopy => System.IO.Path.Combine(Path, "space.yaml");
    public string RunId => System.IO.Path.GetFileName(Path);

    public bool Exists => File.Exists(InfoFile);

    /// <summary>The run in <paramref name="path"/>; refused, with the path, when the directory holds none.</summary>
    /// <exception cref="DirectoryNotFoundException">No run.json there.</exception>
    public static RunDirectory Existing(string path)
    {
        var dir = new RunDirectory(path);
        return dir.Exists ? dir : throw new DirectoryNotFoundException($"{dir.Path} holds no run (no run.json)");
    }

    /// <summary>Creates the directory for a new run; refuses one that already holds a run.</summary>
    public RunInfo Create(SearchSpace space, string store, TimeProvider clock)
    {
        if (Exists) throw new RunDirectoryException($"{Path} already holds a run; resume it or choose another directory");
        Directory.CreateDirectory(Path);
        string? copy = null;
        if (File.Exists(space.Source))
        {
            File.Copy(space.Source, SpaceCopy, overwrite: true);
            copy = "space.yaml";
        }
        var info = new RunInfo(RunId, space.Name, space.Source, copy, space.Seed, clock.GetUtcNow(), space.Family.Name,
            space.StrategyName, space.Engine.MaxEvaluations, store);
        WriteAtomically(InfoFile, JsonSerializer.Serialize(info, Json));
        return info;
    }

    public RunInfo ReadInfo() => JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(InfoFile), Json)
        ?? throw new InvalidDataException($"{InfoFile} is empty");

    public void WriteStatus(StatusReport status) => WriteAtomically(StatusFile, JsonSerializer.Serialize(status, Json));

    public StatusReport? ReadStatus() =>
        File.Exists(StatusFile) ? JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(StatusFile), Json) : null;

    /// <summary>The baselines evaluated so far (none before the search finishes).</summary>
    public IReadOnlyList<BaselineResult> ReadBaselines() =>
        File.Exists(BaselinesFile) ? JsonSerializer.Deserialize<BaselineResult[]>(File.ReadAllText(BaselinesFile), Json) ?? [] : [];

    public void WriteBaselines(IReadOnlyList<BaselineResult> baselines) => WriteAtomically(BaselinesFile, JsonSerializer.Serialize(baselines, Json));

    /// <summary>The confirmation trainings done so far (`search confirm`), in the order they finished.</summary>
    public IReadOnlyList<ConfirmationResult> ReadConfirmation() =>
        File.Exists(ConfirmationFile) ? JsonSerializer.Deserialize<ConfirmationResult[]>(File.ReadAllText(ConfirmationFile), Json) ?? [] : [];

    public void WriteConfirmation(IReadOnlyList<ConfirmationResult> results) => WriteAtomically(ConfirmationFile, JsonSerializer.Serialize(results, Json));

    private static void WriteAtomically(string file, string text)
    {
        string tmp = file + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, file, overwrite: true);
    }
}
