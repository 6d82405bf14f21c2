using Cluster.Hosting;
using Cluster.Protocol;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// Live console progress of a run: a bar of evaluations, the best so far, rejections by stage,
/// workers and ETA. Reports arrive on actor threads; the display polls the latest one from its own loop.
/// </summary>
public sealed class ProgressDisplay : IProgress<RunProgress>
{
    private volatile RunProgress? _latest;

    public void Report(RunProgress value) => _latest = value;

    public async Task<RunResult> Show(string title, Func<IProgress<RunProgress>, Task<RunResult>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) return await run(this);
        RunResult? result = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask(title);
                var task = run(this);
                while (!task.IsCompleted)
                {
                    Update(bar, title);
                    await Task.WhenAny(task, Task.Delay(200));
                }
                Update(bar, title);
                result = await task;
            });
        return result!;
    }

    private void Update(ProgressTask bar, string title)
    {
        if (_latest is not { } p) return;
        if (p.Total < long.MaxValue) bar.MaxValue = p.Total;
        bar.Value = p.Done;
        string best = p.Best is { } b ? $"best {Markup.Escape(Short(b.Genome))} ({Format(b.Objectives)})" : "no accepted candidate yet";
        string rejected = p.RejectedByStage.Count == 0 ? "" : " | rejected " + string.Join(", ", p.RejectedByStage.Select(kv => $"{kv.Key} {kv.Value}"));
        bar.Description = $"{title} {p.Done}/{p.Total} | {best} | front {p.FrontSize} | workers {p.Workers}{Markup.Escape(rejected)}";
    }

    internal static string Format(double[] objectives) => string.Join(", ", objectives.Select(o => o.ToString("G4")));

    private static string Short(string genome) => genome.Length <= 40 ? genome : genome[..37] + "...";
}
