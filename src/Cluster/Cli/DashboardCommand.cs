using System.CommandLine;
using Cluster.Dashboard;

namespace Cluster.Cli;

/// <summary>
/// `search dashboard RUN [RUN...] [--port P] [--host H]`: a local web page that shows the runs and
/// follows their files as they change (live runs, finished ones, runs of other machines whose directory
/// is visible here). Prints `dashboard: URL` and serves until Ctrl+C, then exits 0.
/// </summary>
public static class DashboardCommand
{
    public static Command Create(Func<IRunPages>? pages = null)
    {
        var runs = new Argument<string[]>("run") { Description = "run directories", Arity = ArgumentArity.OneOrMore };
        var port = CommonOptions.Port("port to serve on (0: any free one)", DashboardOptions.DefaultPort);
        var host = new Option<string>("--host")
        {
            Description = "address or hostname to bind (default loopback: only this machine sees the page)",
            DefaultValueFactory = _ => DashboardOptions.DefaultHost,
        };
        var command = new Command("dashboard", "Watch runs in the browser: a live page of their progress and fronts (until Ctrl+C)") { runs, port, host };
        command.SetAction((result, cancel) => CliErrors.GuardAsync(async () =>
        {
            var options = new DashboardOptions { RunDirectories = result.GetValue(runs)!, Port = result.GetValue(port), Host = result.GetValue(host)! };
            await using var server = await DashboardServer.StartAsync(options, (pages ?? (() => new ReportRunPages()))(), cancel);
            Console.Out.WriteLine($"dashboard: {server.Url}");
            Console.Out.Flush();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, server.Stopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); }
            catch (OperationCanceledException) { }
            return 0;
        }));
        return command;
    }
}
