using Cluster.Cli;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.Spaces;
using Search.Core;

namespace Cluster.Reports;

/// <summary>
/// Everything a report shows about one run directory, read once and read-only: the run's record
/// (info, status, baselines, confirmation and validation results), its space (null when it cannot be
/// loaded any more, with the reason) and its history (null for a run made before history.jsonl was
/// recorded). Safe on a live run: the JSON files are replaced atomically, history.jsonl is appended and
/// its torn last line skipped, and a file not written yet is simply nothing yet.
/// </summary>
public sealed record RunView(RunRecord Run, SearchSpace? Space, string? SpaceError, IReadOnlyList<HistoryEntry>? History, DateTimeOffset LoadedUtc)
{
    /// <summary>Files that could not be read just now (a live run caught mid-write, a damaged file): shown, never thrown.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Reads the run in <paramref name="path"/>; the space through <paramref name="composition"/> (default: <see cref="SearchComposition.Default"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">No run there (no run.json).</exception>
    /// <exception cref="RunDirectoryException">run.json does not hold a run's info (other files' problems go to <see cref="Problems"/>).</exception>
    public static RunView Load(string path, SearchComposition? composition = null, TimeProvider? clock = null)
    {
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{path}: no such run directory");
        var problems = new List<string>();
        var run = RunRecord.LoadReadable(path, problems);
        SearchSpace? space = null;
        string? error = null;
        try { space = (composition ?? SearchComposition.Default).SpaceOf(run); }
        catch (Exception e) when (e is not OutOfMemoryException) { error = e.Message; }
        return new RunView(run, space, error, RunHistory.Load(path), (clock ?? TimeProvider.System).GetUtcNow()) { Problems = problems };
    }

    /// <summary>A run a command has read already, with its space: only the history is read here.</summary>
    public static RunView Of(RunRecord run, SearchSpace space) =>
        new(run, space, null, RunHistory.Load(run.Directory.Path), TimeProvider.System.GetUtcNow());

    public RunInfo Info => Run.Info;
    public StatusReport? Status => Run.Status;
    public string RunId => Run.Info.RunId;

    /// <summary>The family: the space's, else what run.json recorded.</summary>
    public string Family => Space?.Family.Name ?? Run.Info.Family;

    /// <summary>The objectives' names: the space's, else "objective 1", "objective 2", ... as many as the front's values.</summary>
    public IReadOnlyList<string> ObjectiveNames => Space is { } s ? s.Objectives.Items.Select(o => o.Name).ToArray()
        : Enumerable.Range(1, Status?.Front.FirstOrDefault()?.Objectives.Length ?? History?.FirstOrDefault(h => h.IsAccepted)?.Objectives!.Length ?? 0)
            .Select(i => $"objective {i}").ToArray();

    /// <summary>Turns objective <paramref name="i"/> into a value to minimise (identity when the space is unknown).</summary>
    public double Minimized(int i, double value) => Space is { } s && i < s.Objectives.Count ? s.Objectives.Items[i].ToMinimized(value) : value;

    /// <summary>The front, best first on the first objective.</summary>
    public IReadOnlyList<FrontMember> Front => Status is null ? [] : RunRanking.Front(Status, v => Minimized(0, v));

    /// <summary>Parses a genome with the run's family; null when there is no space or the text is not one of its genomes (e.g. a built-in baseline name).</summary>
    public IGenome? TryParse(string genome)
    {
        if (Space is null) return null;
        try { return Space.Family.Parse(genome); }
        catch (Exception e) when (e is GenomeParseException or ArgumentException or FormatException or InvalidOperationException) { return null; }
    }
}
