using System.Globalization;
using System.Text.Json;
using Cluster.Baselines;
using Cluster.Cli;
using Cluster.Hosting;
using Cluster.Reports;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Search.Core;
using Xunit.Abstractions;

namespace Cluster.Tests.Reports;

/// <summary>
/// `search report` on real runs of the synthetic ZDT1 space (two workers, two baselines): the page
/// shows every front member in the table and the plot, the counts of status.json, the history's best
/// so far, and is self-contained and well-formed; history.jsonl holds one line per evaluation.
/// </summary>
[Collection("akka-runs")]
public sealed class ReportCommandTests(ITestOutputHelper output)
{
    private static readonly string[] Baselines = [TestSpaces.Family.Random(new Rng(1)).Text, TestSpaces.Family.Random(new Rng(2)).Text];

    private static readonly SearchComposition Composition = new(
        _ => TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max) with { Baselines = Baselines },
        slot => new FakeEvaluator((ulong)slot.Slot, 2));

    private static Task<int> Invoke(params string[] args) => SearchCli.Invoke(Composition, args);

    private static readonly Lazy<Task<string>> Zdt1Run = new(async () =>
    {
        string dir = TestRuns.TempDir("report-zdt1");
        Assert.Equal(0, await Invoke("run", "--out", dir, "--workers", "2"));
        return dir;
    });

    private static string[] HistoryLines(string dir) =>
        File.ReadAllLines(new RunDirectory(dir).HistoryFile).Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task History_has_one_line_per_evaluation_with_unique_ids()
    {
        string dir = await Zdt1Run.Value;
        var status = RunRecord.Load(dir).Status!;
        var lines = HistoryLines(dir);
        Assert.Equal(status.Done, lines.Length);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, (int)status.Done).Select(i => (long)i), ids.Order());
        var history = RunHistory.Load(dir)!;
        Assert.Equal(status.Accepted, history.Count(h => h.Status == HistoryEntry.Accepted));
        Assert.Equal(status.Rejected, history.Count(h => h.Status == HistoryEntry.Rejected));
        Assert.All(history.Where(h => h.Status == HistoryEntry.Rejected), h => Assert.Equal("fake-sanity", h.Stage));
        Assert.All(history.Where(h => h.IsAccepted), h => Assert.Equal(2, h.Objectives!.Length));
        // Front members' objectives are recorded as the front has them.
        foreach (var f in status.Front) Assert.Equal(f.Objectives, history.Single(h => h.Id == f.Id).Objectives);
    }

    [Fact]
    public async Task The_report_shows_the_front_counts_and_best_so_far_of_a_finished_run()
    {
        string dir = await Zdt1Run.Value;
        string html = Path.Combine(TestRuns.TempDir("report-out"), "report.html");
        Assert.Equal(0, await Invoke("report", dir, "--out", html));
        var page = new ReportPage(File.ReadAllText(html));
        var run = RunRecord.Load(dir);
        var status = run.Status!;
        var section = page.Section(run.Info.RunId);
        Assert.Contains(run.Info.RunId, section.Element("h2")!.Value);

        Assert.Equal(status.Done.ToString(CultureInfo.InvariantCulture), page.One("span", "evaluated").Value);
        Assert.Equal(TestRuns.Max.ToString(CultureInfo.InvariantCulture), page.One("span", "total").Value);
        Assert.Equal(status.Accepted.ToString(CultureInfo.InvariantCulture), page.One("span", "accepted").Value);
        Assert.Equal(status.Rejected.ToString(CultureInfo.InvariantCulture), page.One("span", "rejected").Value);
        Assert.Equal("finished", page.One("span", "state").Value);
        Assert.Equal("-", page.One("span", "eta").Value);

        var table = page.One("table", "front");
        var rows = ReportPage.Within(table, "tr", "front-row").Select(r => r.Attribute("data-id")!.Value).ToArray();
        var points = page.All("circle", "front-point").Select(c => c.Attribute("data-id")!.Value).ToArray();
        var ids = status.Front.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids, rows.Order());
        Assert.Equal(ids, points.Order());
        Assert.Equal(2, ReportPage.Within(table, "tr", "baseline-row").Count());
        Assert.Equal(2, page.All("rect", "baseline-point").Count());
        // Each point's tooltip names its genome.
        foreach (var f in status.Front)
            Assert.Contains(f.Genome, page.All("circle", "front-point").Single(c => c.Attribute("data-id")!.Value == f.Id.ToString(CultureInfo.InvariantCulture)).Value);
        Assert.NotNull(page.One("table", "stages"));

        // Best so far: one point per evaluation from the first accepted one, y = the best up to it (both objectives minimised).
        var history = RunHistory.Load(dir)!;
        var lines = page.All("polyline", "best-line").ToArray();
        Assert.Equal(2, lines.Length);
        for (int i = 0; i < 2; i++)
        {
            var expected = new List<(int X, double Y)>();
            double best = double.PositiveInfinity;
            int improvements = 0;
            for (int k = 0; k < history.Count; k++)
            {
                if (history[k].IsAccepted && history[k].Objectives![i] < best) { best = history[k].Objectives![i]; improvements++; }
                if (best < double.PositiveInfinity) expected.Add((k + 1, best));
            }
            var drawn = ReportPage.DataPoints(lines[i]);
            Assert.Equal(expected.Count, drawn.Count);
            double span = expected.Max(p => p.Y) - expected.Min(p => p.Y);
            for (int k = 0; k < drawn.Count; k++)
            {
                Assert.Equal(expected[k].X, drawn[k].X, 0.1);
                Assert.Equal(expected[k].Y, drawn[k].Y, 0.01 * span + 1e-9);
            }
            Assert.Equal(improvements, ReportPage.Within(lines[i].Parent!, "circle", "best-point").Count());
        }

        // Self-contained, every svg closed.
        Assert.DoesNotContain("http://", page.Html);
        Assert.DoesNotContain("https://", page.Html);
        Assert.Equal(ReportPage.Count(page.Html, "<svg[ >]"), ReportPage.Count(page.Html, "</svg>"));
        Assert.DoesNotContain("<script", page.Html);
    }

    [Fact]
    public async Task Several_runs_are_sections_side_by_side_and_png_files_are_written()
    {
        string a = await Zdt1Run.Value;
        string b = TestRuns.TempDir("report-second");
        Assert.Equal(0, await Invoke("run", "--out", b, "--seed", "5"));
        string outDir = TestRuns.TempDir("report-png");
        string html = Path.Combine(outDir, "both.html");
        int code = await Invoke("report", a, b, "--out", html, "--png", Path.Combine(outDir, "png"));
        var page = new ReportPage(File.ReadAllText(html));
        Assert.Equal(2, page.Runs.Elements("section").Count());
        page.Section(Path.GetFileName(a));
        page.Section(Path.GetFileName(b));
        if (code == 2)
        {
            output.WriteLine("PNG check skipped: SkiaSharp's native library did not load here");
            return;
        }
        Assert.Equal(0, code);
        foreach (var run in new[] { a, b })
            foreach (var name in new[] { "front.png", "progress.png" })
            {
                string file = Path.Combine(outDir, "png", $"{Path.GetFileName(run)}-{name}");
                Assert.True(File.Exists(file), $"{file} not written");
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, File.ReadAllBytes(file)[..8]);
            }
    }

    [Fact]
    public async Task A_live_page_has_the_dashboard_hook_and_the_body_is_the_content_of_runs()
    {
        string dir = await Zdt1Run.Value;
        var views = new[] { RunView.Load(dir, Composition) };
        string live = ReportHtml.Page(views, live: true);
        Assert.Contains("new EventSource('/events')", live);
        Assert.Contains("fetch('/body'", live);
        Assert.Contains("document.getElementById('runs').innerHTML", live);
        Assert.Contains("<div id=\"runs\">\n" + ReportHtml.Body(views) + "</div>", live);
        Assert.DoesNotContain("<script", ReportHtml.Page(views));
    }

    [Fact]
    public async Task A_torn_last_history_line_is_ignored_and_dropped_before_appending()
    {
        string source = await Zdt1Run.Value;
        string dir = TestRuns.TempDir("report-torn");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(source, "*.json*")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var file = new RunDirectory(dir).HistoryFile;
        int n = HistoryLines(source).Length;
        File.AppendAllText(file, "{\"id\":9999,\"seconds\":1.5,\"sta");
        var read = RunHistory.Load(dir)!;
        Assert.Equal(n, read.Count);
        Assert.DoesNotContain(read, h => h.Id == 9999);

        using (var writer = new RunHistoryWriter(new RunDirectory(dir), DateTimeOffset.UtcNow, TimeProvider.System))
        {
            Assert.Equal(n, writer.Count);
            writer.Append(3, HistoryEntry.Accepted, null, 0, [1, 2]);   // already there: not written again
            writer.Append(5000, HistoryEntry.Rejected, "fake-sanity", 0, null);
        }
        var lines = HistoryLines(dir);
        Assert.Equal(n + 1, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l));
        Assert.Equal(5000, RunHistory.Load(dir)![^1].Id);
        // The page still renders.
        new ReportPage(ReportHtml.Page([RunView.Load(dir, Composition)]));
    }

    [Fact]
    public async Task A_run_without_history_says_so_instead_of_the_plot()
    {
        string source = await Zdt1Run.Value;
        string dir = TestRuns.TempDir("report-old");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(source, "*.json")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var page = new ReportPage(ReportHtml.Page([RunView.Load(dir, Composition)]));
        Assert.Contains("no history recorded", page.Html);
        Assert.Empty(page.All("svg", "progress-plot"));
        Assert.NotEmpty(page.All("circle", "front-point"));
    }

    [Fact]
    public async Task A_resumed_run_does_not_write_history_twice()
    {
        using var cancel = new CancellationTokenSource();
        // Evaluations of up to 60 ms: the run is cancelled after 10 of its 40, long before it could finish on its own.
        var progress = new Progress<RunProgress>(p => { if (p.Done >= 10) cancel.Cancel(); });
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("report-resume"), Workers = 2, Evaluator = slot => new FakeEvaluator((ulong)slot, 60) };
        var stopped = await SearchRunner.RunLocal(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), options, progress, cancel.Token);
        Assert.False(stopped.Completed);
        // Results applied while the node shuts down are journalled, so recorded too: at least what the status counted.
        Assert.InRange(HistoryLines(stopped.RunDirectory).Length, (int)stopped.Status.Done, (int)TestRuns.Max - 1);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var resumed = await SearchRunner.Resume(stopped.RunDirectory, TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max),
            options with { RunDirectory = null }, null, timeout.Token);
        Assert.True(resumed.Completed);
        var lines = HistoryLines(stopped.RunDirectory);
        Assert.Equal(TestRuns.Max, lines.Length);
        Assert.Equal(lines.Length, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task Bad_input_is_one_line_naming_the_path_and_exit_2()
    {
        string missing = Path.Combine(TestRuns.TempDir("report-missing"), "nothing");
        string empty = TestRuns.TempDir("report-empty");
        Directory.CreateDirectory(empty);
        string html = Path.Combine(TestRuns.TempDir("report-bad"), "r.html");
        foreach (var bad in new[] { missing, empty })
        {
            var (code, _, stderr) = Cli.ProgramRunner.Run("report", bad, "--out", html);
            Assert.Equal(2, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error:", line);
            Assert.Contains(Path.GetFileName(bad), line);
        }
        Assert.False(File.Exists(html));
        await Task.CompletedTask;
    }
}
