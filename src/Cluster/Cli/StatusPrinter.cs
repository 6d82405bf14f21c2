using Cluster.Protocol;
using Cluster.Runs;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>Prints a run's info and status: counts, rejections by stage, the front.</summary>
public static class StatusPrinter
{
    public static void Print(RunInfo info, StatusReport? status)
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
        var table = new Table().AddColumns("id", "genome", "objectives");
        foreach (var f in status.Front.OrderBy(f => f.Id)) table.AddRow(f.Id.ToString(), Markup.Escape(f.Genome), ProgressDisplay.Format(f.Objectives));
        AnsiConsole.Write(table);
    }
}
