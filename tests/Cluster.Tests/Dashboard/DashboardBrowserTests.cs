using System.Diagnostics;
using Cluster.Dashboard;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Cluster.Tests.Dashboard;

/// <summary>The dashboard's page in a real browser (Debian's chromium): a finished run, a live one, several side by side.</summary>
public sealed class DashboardBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> Open(DashboardServer server)
    {
        var page = await (await browser.Browser()).NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await page.GoToAsync(server.Url.ToString(), WaitUntilNavigation.Load);
        return page;
    }

    [BrowserFact]
    public async Task A_finished_run_shows_its_front_counters_and_plot()
    {
        var run = await TestRuns.Local("dash-finished", 1, slot => new FakeEvaluator((ulong)slot, 0));
        var dir = new RunDirectory(run.RunDirectory);
        dir.WriteBaselines([DashboardRuns.Baseline]);
        var status = RunRecord.Load(dir.Path).Status!;
        Assert.True(status.IsDone);
        await using var server = await DashboardRuns.Serve(dir.Path);
        var page = await Open(server);
        try
        {
            string section = $"section.run[data-run=\"{dir.RunId}\"]";
            var rows = await page.EvaluateFunctionAsync<Dictionary<string, string>>(
                "s => Object.fromEntries([...document.querySelectorAll(s + ' tr.front-row')].map(r => [r.dataset.id, r.textContent]))", section);
            Assert.Equal(status.Front.Select(m => m.Id.ToString()).Order(), rows.Keys.Order());
            foreach (var member in status.Front) Assert.Contains(member.Genome, rows[member.Id.ToString()]);
            var points = await page.EvaluateFunctionAsync<string[]>("s => [...document.querySelectorAll(s + ' svg.front-plot circle.front-point')].map(c => c.dataset.id)", section);
            Assert.Equal(rows.Keys.Order(), points.Order());
            Assert.Equal(status.Done.ToString(), await Text(page, $"{section} .evaluated"));
            Assert.Equal(status.Total.ToString(), await Text(page, $"{section} .total"));
            Assert.Equal("finished", await Text(page, $"{section} .state"));
            Assert.Equal(1, await page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s + ' tr.baseline-row').length", section));

            string folder = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");
            Directory.CreateDirectory(folder);
            string png = Path.Combine(folder, "finished-run.png");
            await page.ScreenshotAsync(png, new ScreenshotOptions { FullPage = true });
            byte[] head = File.ReadAllBytes(png)[..8];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
            output.WriteLine($"screenshot: {png} ({new FileInfo(png).Length} bytes), front {status.Front.Length}, done {status.Done}");
        }
        finally { await page.CloseAsync(); }
    }

    [BrowserFact]
    public async Task A_live_run_updates_in_place_within_2_seconds()
    {
        var dir = DashboardRuns.Hand("dash-live");
        DashboardRuns.WriteStatusAtomically(dir, DashboardRuns.Status(dir, 5, finished: false, 3, 7));
        await using var server = await DashboardRuns.Serve(dir.Path);
        var page = await Open(server);
        try
        {
            Assert.Equal("5", await Text(page, ".evaluated"));
            Assert.Equal("running", await Text(page, ".state"));
            Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('tr.front-row').length"));
            await page.EvaluateExpressionAsync("window.dashboardMarker = 'not reloaded'");
            await Task.Delay(1000); // the event stream is open and its first refresh done

            var clock = Stopwatch.StartNew();
            DashboardRuns.WriteStatusAtomically(dir, DashboardRuns.Status(dir, 9, finished: false, 3, 7, 12));
            await page.WaitForFunctionAsync("() => document.querySelector('.evaluated')?.textContent === '9'",
                new WaitForFunctionOptions { Timeout = 2000, PollingInterval = 20 });
            var latency = clock.Elapsed;
            output.WriteLine($"live update latency: {latency.TotalMilliseconds:F0} ms");
            Assert.InRange(latency, TimeSpan.Zero, TimeSpan.FromSeconds(2));

            Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('tr.front-row[data-id=\"12\"]').length"));
            Assert.Contains(DashboardRuns.Member(12).Genome, await Text(page, "tr.front-row[data-id=\"12\"]"));
            Assert.Equal(3, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('circle.front-point').length"));
            Assert.Equal("not reloaded", await page.EvaluateExpressionAsync<string>("window.dashboardMarker"));
        }
        finally { await page.CloseAsync(); }
    }

    [BrowserFact]
    public async Task Several_runs_sit_side_by_side()
    {
        var first = DashboardRuns.Hand("dash-first");
        var second = DashboardRuns.Hand("dash-second");
        DashboardRuns.WriteStatusAtomically(first, DashboardRuns.Status(first, 40, finished: true, 1, 2, 3));
        DashboardRuns.WriteStatusAtomically(second, DashboardRuns.Status(second, 6, finished: false, 4));
        await using var server = await DashboardRuns.Serve(first.Path, second.Path);
        var page = await Open(server);
        try
        {
            var ids = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#runs > section.run')].map(s => s.dataset.run)");
            Assert.Equal([first.RunId, second.RunId], ids);
            Assert.Equal("40", await Text(page, $"section.run[data-run=\"{first.RunId}\"] .evaluated"));
            Assert.Equal("finished", await Text(page, $"section.run[data-run=\"{first.RunId}\"] .state"));
            Assert.Equal("6", await Text(page, $"section.run[data-run=\"{second.RunId}\"] .evaluated"));
            Assert.Equal("running", await Text(page, $"section.run[data-run=\"{second.RunId}\"] .state"));
            Assert.Equal(3, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('section.run[data-run=\"{first.RunId}\"] tr.front-row').length"));
            Assert.Equal(1, await page.EvaluateExpressionAsync<int>($"document.querySelectorAll('section.run[data-run=\"{second.RunId}\"] circle.front-point').length"));
        }
        finally { await page.CloseAsync(); }
    }

    private static Task<string> Text(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);
}
