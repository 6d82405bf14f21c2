using System.Globalization;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.Spaces;
using Search.Rejection;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// Prints a run's info and status: counts, the rejection stages (what each rejected and the training
/// time that saved), one table of the front (best first on the first objective) beside the baselines
/// evaluated under the same plan and seed, and for multi-task spaces the front per architecture.
/// </summary>
public static class StatusPrinter
{
    /// <param name="space">The run's space (objective directions and metrics), or null when it can no longer be loaded.</param>
    public static void Print(RunRecord run, SearchSpace? space)
    {
        var (info, status, baselines) = (run.Info, run.Status, run.Baselines);
        AnsiConsole.MarkupLineInterpolated($"[bold]{info.RunId}[/]: space {info.SpaceName} ({info.SpaceSource}), family {info.Family}, strategy {info.Strategy}, seed {info.Seed}, started {info.StartedUtc:u}");
        if (status is null)
        {
            AnsiConsole.WriteLine("no results yet");
            return;
        }
        string total = status.Total == long.MaxValue ? "unbounded" : status.Total.ToString();
        AnsiConsole.WriteLine($"{(status.IsDone ? "finished" : "running or stopped")}: {status.Done}/{total} evaluated, {status.Accepted} accepted, " +
            $"{status.Rejected} rejected, {status.Failed} failed ({status.Poisoned} poison), {status.InFlight} in flight, {status.Workers} workers");
        if (status.Notice is { } notice) AnsiConsole.MarkupLineInterpolated($"[yellow]{notice}[/]");
        if (status.Stages is { Length: > 0 } stages) PrintStages(stages.Select(s => s.ToDomain()).ToArray());
        else foreach (var (stage, count) in status.RejectedByStage.OrderBy(kv => kv.Key)) AnsiConsole.WriteLine($"  rejected at {stage}: {count}");

        if (status.Rungs is { Length: > 0 } rungs) PrintRungs(rungs);

        var table = new Table().AddColumns("", "id", "genome", "objectives", "learned");
        foreach (var f in RunRanking.Front(status, space is null ? null : space.Objectives.Items[0].ToMinimized))
            table.AddRow(f.Rung > 0 ? $"front (rung {f.Rung})" : "front", f.Id.ToString(), Markup.Escape(f.Genome), ProgressDisplay.Format(f.Objectives), Markup.Escape(Learned(f.Learned)));
        foreach (var b in baselines)
            table.AddRow("baseline", "-", Markup.Escape(b.Genome), b.Objectives is { } o ? ProgressDisplay.Format(o) : Markup.Escape($"rejected at {b.Stage}: {b.Reason}"), Markup.Escape(Learned(b.Learned)));
        AnsiConsole.Write(table);
        if (space is not null) ArchitectureTables.Print(space, status, baselines);
    }

    /// <summary>Multi-fidelity rungs: budget, trainings, accepted, promoted onward, best on the ranking objective.</summary>
    private static void PrintRungs(RungStatus[] rungs)
    {
        var table = new Table().AddColumns("rung", "epochs", "seeds", "evaluated", "accepted", "promoted on", $"best {Markup.Escape(rungs[0].RankObjective)}");
        foreach (var r in rungs)
            table.AddRow(r.Rung.ToString(), r.Epochs?.ToString() ?? "task's", r.Seeds.ToString(), r.Evaluated.ToString(), r.Accepted.ToString(),
                r.Rung == rungs.Length - 1 ? "-" : r.Promoted.ToString(), r.Best is { } b ? b.ToString("G5", CultureInfo.InvariantCulture) : "-");
        AnsiConsole.Write(table);
    }

    // The evaluators' usual order, for stages that examined equally many (structural and numeric see every candidate).
    private static readonly string[] UsualOrder =
        [StageNames.Structural, StageNames.NumericSanity, StageNames.FunctionalEquivalence, StageNames.Stability, StageNames.QualityHurdle];

    /// <summary>
    /// One row per stage in pipeline order: a stage sees only what the ones before it passed, so the
    /// one that examines most comes first. Saved = the full training each rejection skipped, less what the stages spent on it.
    /// </summary>
    private static void PrintStages(StageStats[] stages)
    {
        var table = new Table().AddColumns("stage", "examined", "rejected", "reused", "stage time", "training time saved");
        foreach (var s in InPipelineOrder(stages))
            table.AddRow(s.Name, s.Examined.ToString(), s.Rejected.ToString(), s.Reused.ToString(), Duration(s.Seconds), Duration(s.ComputeSavedSeconds));
        double spent = stages.Sum(s => s.Seconds), saved = stages.Sum(s => s.ComputeSavedSeconds);
        table.AddRow("all", "", stages.Sum(s => s.Rejected).ToString(), stages.Sum(s => s.Reused).ToString(), Duration(spent), Duration(saved));
        AnsiConsole.Write(table);
    }

    /// <summary>The stages in pipeline order: most examined first, ties in the evaluators' usual order, then by name.</summary>
    internal static IEnumerable<StageStats> InPipelineOrder(IEnumerable<StageStats> stages)
    {
        int Usual(string name) => Array.IndexOf(UsualOrder, name) is var i && i >= 0 ? i : UsualOrder.Length;
        return stages.OrderByDescending(s => s.Examined).ThenBy(s => Usual(s.Name)).ThenBy(s => s.Name, StringComparer.Ordinal);
    }

    internal static string Duration(double seconds) => seconds switch
    {
        < 1 => $"{seconds.ToString("0.000", CultureInfo.InvariantCulture)} s",
        < 120 => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        < 7200 => $"{(seconds / 60).ToString("0.0", CultureInfo.InvariantCulture)} min",
        _ => $"{(seconds / 3600).ToString("0.00", CultureInfo.InvariantCulture)} h",
    };

    // Scalars are listed; a trained network's tensors (KAN coefficients: thousands of values) are only counted.
    private const int MaxListedLearned = 8;

    private static string Learned(Dictionary<string, double>? learned) => learned is null or { Count: 0 } ? ""
        : learned.Count > MaxListedLearned ? $"{learned.Count} values (search export writes them)"
        : string.Join(", ", learned.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.ToString("G4", CultureInfo.InvariantCulture)}"));
}
