using Cluster.Baselines;
using Cluster.Protocol;
using Cluster.Runs;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// Prints a run's info and status: counts, rejections by stage, and one table of the front
/// (best first on the first objective) beside the baselines evaluated under the same plan and seed.
/// </summary>
public static class StatusPrinter
{
    public static void Print(RunInfo info, StatusReport? status, IReadOnlyList<BaselineResult>? baselines = null, Func<double, double>? minimizeFirst = null)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{info.RunId}[/]: space {info.SpaceName} ({info.SpaceSource}), family {info.Family}, strategy {info.Strategy}, seed {info.Seed}, started {info.StartedUtc:u}");
        if (status is null)
        {
            AnsiConsole.WriteLine("no results yet");
            return;
        }
        string total = status.Total == long.MaxValue ? "unbounded" : status.Total.ToString();
        AnsiConsole.WriteLine($"{(status.IsDone ? "finished" : "running or stopped")}: {status.Done}/{total} evaluated, {status.Accepted} accepted, " +
            $"{status.Rejected} rejected, {status.Failed} failed ({status.Poisoned} poison), {status.InFlight} in flight, {status.Workers} workers");
        foreach (var (stage, count) in status.RejectedByStage.OrderBy(kv => kv.Key)) AnsiConsole.WriteLine($"  rejected at {stage}: {count}");
        var table = new Table().AddColumns("", "id", "genome", "objectives", "learned");
        foreach (var f in RunRanking.Front(status, minimizeFirst))
            table.AddRow("front", f.Id.ToString(), Markup.Escape(f.Genome), ProgressDisplay.Format(f.Objectives), Markup.Escape(Learned(f.Learned)));
        foreach (var b in baselines ?? [])
            table.AddRow("baseline", "-", Markup.Escape(b.Genome), b.Objectives is { } o ? ProgressDisplay.Format(o) : Markup.Escape($"rejected at {b.Stage}: {b.Reason}"), Markup.Escape(Learned(b.Learned)));
        AnsiConsole.Write(table);
    }

    private static string Learned(Dictionary<string, double>? learned) => learned is null or { Count: 0 } ? ""
        : string.Join(", ", learned.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}"));
}
