using System.Diagnostics;
using Cluster.Hosting;
using Cluster.Protocol;
using Spectre.Console;

namespace Cluster.Cli;

/// <summary>
/// Console progress of a run: evaluations done of the budget, the best so far, rejections by stage,
/// workers and ETA. On a terminal it is a live bar; otherwise (a pipe, a log file, CI) it prints one
/// plain line whenever progress was made and at least <see cref="LineInterval"/> passed, plus the last one.
/// Reports arrive on actor threads; the display polls the latest one from its own loop.
/// </summary>
public sealed class ProgressDisplay(TextWriter? plainOutput = null, bool? interactive = null) : IProgress<RunProgress>
{
    private volatile RunProgress? _latest;

    /// <summary>Least time between two plain progress lines.</summary>
    public TimeSpan LineInterval { get; init; } = TimeSpan.FromSeconds(5);

    public void Report(RunProgress value) => _latest = value;

    public async Task<RunResult> Show(string title, Func<IProgress<RunProgress>, Task<RunResult>> run)
    {
        if (!(interactive ?? AnsiConsole.Profile.Capabilities.Interactive)) return await ShowPlain(title, run);
        RunResult? result = null;
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask(title);
                var task = run(this);
                string? notice = null;
                while (!task.IsCompleted)
                {
                    Update(bar, title);
                    // A notice (no evaluator slot; waiting for jobs in flight) shows once, above the bar.
                    if (_latest?.Notice is { } n && n != notice) AnsiConsole.MarkupLineInterpolated($"[yellow]{n}[/]");
                    notice = _latest?.Notice;
                    await Task.WhenAny(task, Task.Delay(200));
                }
                Update(bar, title);
                result = await task;
            });
        return result!;
    }

    private async Task<RunResult> ShowPlain(string title, Func<IProgress<RunProgress>, Task<RunResult>> run)
    {
        var output = plainOutput ?? Console.Out;
        var clock = Stopwatch.StartNew();
        TimeSpan? lastPrinted = null;
        RunProgress? printed = null;
        string? notice = null;
        var task = run(this);
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(200));
            // Notices print at once, whatever the line interval.
            if (_latest?.Notice is { } n && n != notice) output.WriteLine($"[{Clock(clock.Elapsed)}] {title}: {n}");
            notice = _latest?.Notice;
            if (_latest is { } p && !ReferenceEquals(p, printed) && (lastPrinted is not { } at || clock.Elapsed - at >= LineInterval || task.IsCompleted))
            {
                output.WriteLine(Line(title, p, clock.Elapsed));
                (printed, lastPrinted) = (p, clock.Elapsed);
            }
        }
        if (_latest is { } last && !ReferenceEquals(last, printed)) output.WriteLine(Line(title, last, clock.Elapsed));
        output.Flush();
        return await task;
    }

    /// <summary>One plain progress line, e.g. "[01:23] activation-default 12/80 | rejected numeric 3 | best relu(x) (0.85) | front 1 | workers 1 | ETA 04:10".</summary>
    public static string Line(string title, RunProgress p, TimeSpan elapsed) =>
        $"[{Clock(elapsed)}] {title} {p.Done}/{Total(p)} | {Best(p)} | front {p.FrontSize} | workers {p.Workers}{Rejected(p)} | ETA {(p.Eta is { } e ? Clock(e) : "?")}";

    private void Update(ProgressTask bar, string title)
    {
        if (_latest is not { } p) return;
        if (p.Total < long.MaxValue) bar.MaxValue = p.Total;
        bar.Value = p.Done;
        bar.Description = $"{title} {p.Done}/{Total(p)} | {Markup.Escape(Best(p))} | front {p.FrontSize} | workers {p.Workers}{Markup.Escape(Rejected(p))}";
    }

    private static string Total(RunProgress p) => p.Total == long.MaxValue ? "unbounded" : p.Total.ToString();

    private static string Best(RunProgress p) => p.Best is { } b ? $"best {Short(b.Genome)} ({Format(b.Objectives)})" : "no accepted candidate yet";

    private static string Rejected(RunProgress p) => p.RejectedByStage.Count == 0 ? ""
        : " | rejected " + string.Join(", ", p.RejectedByStage.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));

    private static string Clock(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"mm\:ss");

    /// <summary>A signed gain with 4 decimals; one that rounds to zero prints "+0.0000" (the two-section format would print "-+0.0000" for -1e-9).</summary>
    internal static string Signed(double value) =>
        (Math.Round(value, 4) is var r && r == 0 ? 0 : r).ToString("+0.0000;-0.0000", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Format(double[] objectives) => string.Join(", ", objectives.Select(o => o.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Short(string genome) => genome.Length <= 40 ? genome : genome[..37] + "...";
}
