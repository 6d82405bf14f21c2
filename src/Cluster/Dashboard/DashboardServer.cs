using System.Net;
using System.Text.Json;
using Cluster.Hosting;
using Cluster.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cluster.Dashboard;

/// <summary>What <see cref="DashboardServer"/> serves and where.</summary>
public sealed record DashboardOptions
{
    public const int DefaultPort = 8050;
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The run directories, shown in this order.</summary>
    public required IReadOnlyList<string> RunDirectories { get; init; }

    /// <summary>Address or hostname to bind; loopback by default, so nothing off this machine sees the page.</summary>
    public string Host { get; init; } = DefaultHost;

    /// <summary>0: any free port (see <see cref="DashboardServer.Url"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How often the runs' files are polled for changes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often an idle /events stream gets a comment line, so proxies and browsers keep it open.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// `search dashboard`'s web server (Kestrel, minimal APIs): <c>GET /</c> the live page, <c>GET /body</c>
/// the inner HTML of its #runs, <c>GET /events</c> server-sent events (one per change of any watched
/// run file, a comment heartbeat when idle), <c>GET /runs.json</c> the runs' status counters. It only
/// reads the run directories, so it serves live runs, finished ones and runs of other machines alike.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RunWatcher watcher;

    private DashboardServer(WebApplication app, RunWatcher watcher, Uri url)
    {
        this.app = app;
        this.watcher = watcher;
        Url = url;
    }

    /// <summary>The page's address, with the port actually bound.</summary>
    public Uri Url { get; }

    /// <summary>The full paths of the runs served.</summary>
    public required IReadOnlyList<string> RunDirectories { get; init; }

    /// <summary>Completes when the server has been asked to stop.</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    /// <summary>Checks every run directory, binds and starts serving.</summary>
    /// <exception cref="DirectoryNotFoundException">A path that is not a run directory; the message names it.</exception>
    /// <exception cref="ArgumentException">A host that is neither an address nor a name that resolves, or an address and port it cannot bind (in use).</exception>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, IRunPages pages, CancellationToken cancel = default)
    {
        var runs = options.RunDirectories.Select(RunFiles.RequireRun).ToArray();
        if (runs.Length == 0) throw new ArgumentException("name at least one run directory");
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"--port {options.Port} is not a port (0-65535)");
        var address = Resolve(options.Host);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(l => l.ClearProviders());
        // Ctrl+C belongs to the command line's cancellation token, as for runs and nodes.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();

        var watcher = new RunWatcher(runs, options.PollInterval);
        app.UseRouting();
        app.MapGet("/", (HttpContext context) => Html(context, Rendered(() => pages.Page(runs, live: true), FallbackPage)!));
        app.MapGet("/body", (HttpContext context) => Rendered(() => pages.Body(runs), null) is { } body
            ? Html(context, body)
            : Results.Text("the runs could not be rendered just now", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/runs.json", () => Results.Text(RunsJson(runs), "application/json; charset=utf-8"));
        app.MapGet("/events", (HttpContext context) => Events(context, watcher, options.Heartbeat, app.Lifetime.ApplicationStopping));

        try { await app.StartAsync(cancel); }
        catch (Exception e)
        {
            await watcher.DisposeAsync();
            await app.DisposeAsync();
            // A port in use (or an address not on this machine) is the user's to change: one line, exit 2.
            if (e is IOException) throw new ArgumentException($"cannot serve on {options.Host}:{options.Port}: {e.Message}", e);
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First();
        string host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new DashboardServer(app, watcher, new Uri($"http://{host}:{bound.Port}/")) { RunDirectories = runs };
    }

    /// <summary>Asks the server to stop (open /events streams end) and waits until it has.</summary>
    public async Task StopAsync()
    {
        await app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await watcher.DisposeAsync();
        await app.DisposeAsync();
    }

    private static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The renderer's output, or <paramref name="fallback"/> of the error when it throws (a renderer that
    /// trips over a file caught mid-write): the live page keeps its last #runs on a failed /body, and a
    /// failed page still follows /events, so both recover at the next change.
    /// </summary>
    private static string? Rendered(Func<string> render, Func<Exception, string>? fallback)
    {
        try { return render(); }
        catch (Exception e) when (e is not OutOfMemoryException) { return fallback?.Invoke(e); }
    }

    private static string FallbackPage(Exception e) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>search dashboard</title>\n</head>\n<body>\n" +
        $"<div id=\"runs\"><p class=\"problem\">the runs could not be rendered: {WebUtility.HtmlEncode(e.Message)}</p></div>\n" +
        Reports.ReportHtml.LiveScript + "\n</body>\n</html>\n";

    private static IPAddress Resolve(string host)
    {
        if (host == "localhost") return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var address)) return address;
        try
        {
            var found = Dns.GetHostAddresses(host);
            return found.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? found.First();
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new ArgumentException($"--host {host}: not an address, and the name does not resolve ({e.Message})");
        }
    }

    /// <summary>
    /// One <c>data:</c> event at once (so a client that connected after a change refreshes) and one per
    /// change after; a comment line when idle for <paramref name="heartbeat"/>. Ends when the client goes or the server stops.
    /// </summary>
    private static async Task Events(HttpContext context, RunWatcher watcher, TimeSpan heartbeat, CancellationToken stopping)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancel = end.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            long sent = -1;
            while (!cancel.IsCancellationRequested)
            {
                var next = watcher.Changed;
                long version = watcher.Version;
                if (version != sent)
                {
                    await response.WriteAsync($"id: {version}\ndata: {version}\n\n", cancel);
                    await response.Body.FlushAsync(cancel);
                    sent = version;
                    continue;
                }
                var idle = Task.Delay(heartbeat, cancel);
                if (await Task.WhenAny(next, idle) == idle)
                {
                    await idle; // throws when cancelled
                    await response.WriteAsync(": heartbeat\n\n", cancel);
                    await response.Body.FlushAsync(cancel);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { } // the client went away mid-write
    }

    private static string RunsJson(IReadOnlyList<string> runs) => JsonSerializer.Serialize(runs.Select(path =>
    {
        var problems = new List<string>();
        RunRecord? r = null;
        try { r = RunRecord.LoadReadable(path, problems); }
        catch (Exception e) when (e is RunDirectoryException or DirectoryNotFoundException or IOException or UnauthorizedAccessException) { problems.Add(e.Message); }
        return new
        {
            run = new RunDirectory(path).RunId,
            path,
            done = r?.Status?.Done,
            total = r?.Status?.Total ?? r?.Info.MaxEvaluations,
            accepted = r?.Status?.Accepted,
            rejected = r?.Status?.Rejected,
            failed = r?.Status?.Failed,
            inFlight = r?.Status?.InFlight,
            workers = r?.Status?.Workers,
            finished = r?.Status?.IsDone ?? false,
            front = r?.Status?.Front.Length ?? 0,
            baselines = r?.Baselines.Count ?? 0,
            problems,
        };
}), new JsonSerializerOptions { WriteIndented = true });
}
