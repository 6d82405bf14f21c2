using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using Cluster.Dashboard;
using Cluster.Tests.Cli;
using Cluster.Tests.Support;

namespace Cluster.Tests.Dashboard;

/// <summary>`search dashboard`'s server without a browser: its endpoints, its events, its address, its errors.</summary>
public sealed class DashboardServerTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Body_and_runs_json_reflect_the_files()
    {
        var dir = DashboardRuns.Hand("dash-body");
        DashboardRuns.WriteStatusAtomically(dir, DashboardRuns.Status(dir, 12, finished: false, 3, 7));
        dir.WriteBaselines([DashboardRuns.Baseline]);
        await using var server = await DashboardRuns.Serve(dir.Path);

        string body = await Http.GetStringAsync(new Uri(server.Url, "body"));
        Assert.Contains($"<section class=\"run\" data-run=\"{dir.RunId}\">", body);
        Assert.Contains("<span class=\"evaluated\">12</span>", body);
        Assert.Contains("<span class=\"total\">40</span>", body);
        Assert.Contains("<span class=\"state\">running</span>", body);
        Assert.Equal(2, Count(body, "<tr class=\"front-row\""));
        Assert.Equal(2, Count(body, "<circle class=\"front-point\""));
        Assert.Equal(1, Count(body, "<tr class=\"baseline-row\""));
        Assert.Contains("0.03,0.25,0.5,0.75", body);
        Assert.DoesNotContain("<html", body);

        var page = await Http.GetAsync(server.Url);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"runs\">", html);
        Assert.Contains("new EventSource('/events')", html);

        var runs = JsonDocument.Parse(await Http.GetStringAsync(new Uri(server.Url, "runs.json"))).RootElement;
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal(dir.RunId, run.GetProperty("run").GetString());
        Assert.Equal(12, run.GetProperty("done").GetInt64());
        Assert.Equal(40, run.GetProperty("total").GetInt64());
        Assert.False(run.GetProperty("finished").GetBoolean());
        Assert.Equal(2, run.GetProperty("front").GetInt32());
    }

    [Fact]
    public async Task Text_from_the_files_is_escaped()
    {
        var dir = DashboardRuns.Hand("dash-escape");
        var status = DashboardRuns.Status(dir, 1, finished: false, 1);
        status = status with { Front = [status.Front[0] with { Genome = "<script>alert(1)</script> & \"x\"" }] };
        DashboardRuns.WriteStatusAtomically(dir, status);
        await using var server = await DashboardRuns.Serve(dir.Path);
        string body = await Http.GetStringAsync(new Uri(server.Url, "body"));
        Assert.DoesNotContain("<script>alert", body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", body);
    }

    [Fact]
    public async Task A_missing_or_half_written_status_does_not_break_the_page()
    {
        var dir = DashboardRuns.Hand("dash-partial");
        await using var server = await DashboardRuns.Serve(dir.Path);
        string before = await Http.GetStringAsync(new Uri(server.Url, "body")); // no status.json yet
        Assert.Contains("<span class=\"evaluated\">0</span>", before);

        File.WriteAllText(dir.StatusFile, "{\"RunId\": \"x\", \"Done\": 3, \"Fro"); // a writer that is not atomic, caught mid-write
        dir.WriteBaselines([DashboardRuns.Baseline]);
        var response = await Http.GetAsync(new Uri(server.Url, "body"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-run=\"{dir.RunId}\"", body);
        Assert.Contains("class=\"problem\"", body);
        Assert.Contains("status.json", body);
        Assert.Equal(1, Count(body, "<tr class=\"baseline-row\"")); // what is readable is shown
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(server.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(server.Url, "runs.json"))).StatusCode);
    }

    private sealed class FailingPages : IRunPages
    {
        public string Page(IReadOnlyList<string> runDirectories, bool live) => throw new InvalidOperationException("status.json <half>");
        public string Body(IReadOnlyList<string> runDirectories) => throw new InvalidOperationException("status.json <half>");
    }

    [Fact]
    public async Task A_renderer_that_throws_leaves_a_page_that_still_follows_the_events()
    {
        var dir = DashboardRuns.Hand("dash-failing");
        await using var server = await DashboardServer.StartAsync(new DashboardOptions { RunDirectories = [dir.Path], Port = 0 }, new FailingPages());
        var page = await Http.GetAsync(server.Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"runs\"><p class=\"problem\">the runs could not be rendered: status.json &lt;half&gt;</p></div>", html);
        Assert.Contains("new EventSource('/events')", html);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Http.GetAsync(new Uri(server.Url, "body"))).StatusCode);
    }

    [Fact]
    public async Task Events_arrive_after_a_file_changes_and_end_when_the_server_stops()
    {
        var dir = DashboardRuns.Hand("dash-events");
        DashboardRuns.WriteStatusAtomically(dir, DashboardRuns.Status(dir, 1, finished: false, 1));
        var server = await DashboardRuns.Serve(dir.Path);
        try
        {
            using var response = await Http.GetAsync(new Uri(server.Url, "events"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.StartsWith("data: ", await NextData(reader, TimeSpan.FromSeconds(5))); // the one sent on connecting

            await Task.Delay(700); // a full poll with nothing changed: no event
            var clock = Stopwatch.StartNew();
            DashboardRuns.WriteStatusAtomically(dir, DashboardRuns.Status(dir, 2, finished: false, 1, 2));
            await NextData(reader, TimeSpan.FromSeconds(2));
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));

            clock.Restart();
            File.AppendAllText(Path.Combine(dir.Path, Cluster.Runs.RunDirectory.HistoryName), "{\"done\":2}\n"); // an appended history counts too
            await NextData(reader, TimeSpan.FromSeconds(2));

            clock.Restart();
            await server.StopAsync();
            await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5)); // the stream ends rather than hanging the shutdown
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        }
        finally { await server.DisposeAsync(); }
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeat_comments()
    {
        var dir = DashboardRuns.Hand("dash-heartbeat");
        await using var server = await DashboardServer.StartAsync(
            new DashboardOptions { RunDirectories = [dir.Path], Port = 0, Heartbeat = TimeSpan.FromMilliseconds(300) }, new ReportRunPages());
        using var response = await Http.GetAsync(new Uri(server.Url, "events"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        string? line;
        do line = await reader.ReadLineAsync(limit.Token);
        while (line is not null && !line.StartsWith(':'));
        Assert.Equal(": heartbeat", line);
    }

    [Fact]
    public async Task Binds_to_loopback_by_default()
    {
        var dir = DashboardRuns.Hand("dash-loopback");
        Assert.Equal("127.0.0.1", new DashboardOptions { RunDirectories = [dir.Path] }.Host);
        Assert.Equal(8050, new DashboardOptions { RunDirectories = [dir.Path] }.Port);
        await using var server = await DashboardRuns.Serve(dir.Path);
        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.NotEqual(0, server.Url.Port);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(server.Url)).StatusCode);
        // Not reachable on this machine's other addresses.
        foreach (var address in (await Dns.GetHostAddressesAsync(Dns.GetHostName())).Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
        {
            using var socket = new System.Net.Sockets.TcpClient();
            await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => socket.ConnectAsync(address, server.Url.Port));
        }
    }

    [Fact]
    public async Task A_path_that_is_not_a_run_is_refused_with_exit_code_2_naming_it()
    {
        var run = DashboardRuns.Hand("dash-bad");
        string missing = Path.Combine(run.Path, "no-such-run"), empty = TestRuns.TempDir("dash-empty");
        Directory.CreateDirectory(empty);
        var (code, stdout, stderr) = ProgramRunner.Run("dashboard", run.Path, missing, "--port", "0");
        Assert.Equal(2, code);
        Assert.Contains(missing, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("dashboard:", stdout);
        (code, _, stderr) = ProgramRunner.Run("dashboard", empty, "--port", "0");
        Assert.Equal(2, code);
        Assert.Contains(empty, stderr);
        Assert.Contains("run.json", stderr);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => DashboardRuns.Serve(missing));
    }

    [Fact]
    public async Task A_port_in_use_is_a_one_line_error()
    {
        var dir = DashboardRuns.Hand("dash-port");
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var e = await Assert.ThrowsAsync<ArgumentException>(() =>
                DashboardServer.StartAsync(new DashboardOptions { RunDirectories = [dir.Path], Port = port }, new ReportRunPages()));
            Assert.Contains($"127.0.0.1:{port}", e.Message);
        }
        finally { taken.Stop(); }
    }

    [Fact]
    public async Task The_command_prints_its_url_serves_and_exits_0_when_terminated()
    {
        var dir = DashboardRuns.Hand("dash-cli");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "Cluster.dll"), "dashboard", dir.Path, "--port", "0" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(); // drained, so a chatty shutdown can never block on a full pipe
        try
        {
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var rest = process.StandardOutput.ReadToEndAsync();
            Assert.Matches(@"^dashboard: http://127\.0\.0\.1:\d+/$", line);
            var url = new Uri(line!["dashboard: ".Length..]);
            Assert.Contains($"data-run=\"{dir.RunId}\"", await Http.GetStringAsync(new Uri(url, "body")));
            // SIGTERM, not SIGINT: a test run started in the background by a non-interactive shell (`dotnet test &`,
            // nohup) ignores SIGINT, children inherit that, and .NET keeps an inherited SIGINT ignored as shells do.
            using (var interrupt = Process.Start("kill", ["-TERM", process.Id.ToString()])) await interrupt.WaitForExitAsync();
            bool exited = await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully);
            if (!exited) process.Kill(entireProcessTree: true);
            Assert.True(exited, $"the dashboard did not stop on SIGTERM; stdout: {await rest} stderr: {await stderr}");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> NextData(StreamReader reader, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        while (true)
        {
            string? line = await reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.StartsWith("data: ")) return line;
        }
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
