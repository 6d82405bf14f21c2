using Cluster.Baselines;
using Cluster.Dashboard;
using Cluster.Protocol;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Dashboard;

/// <summary>Run directories for the dashboard's tests, and the dashboard served on any free loopback port.</summary>
internal static class DashboardRuns
{
    public static readonly BaselineResult Baseline = new("0.5,0.5,0.5,0.5", 7, [0.5, 1.2], null, null, new(), new());

    /// <summary>A run directory of the test space whose status the test writes by hand.</summary>
    public static RunDirectory Hand(string name)
    {
        var dir = new RunDirectory(TestRuns.TempDir(name));
        dir.Create(TestSpaces.Zdt1(3, 40), "in-memory", TimeProvider.System);
        return dir;
    }

    public static FrontMember Member(long id) => new(id, $"0.{id:D2},0.25,0.5,0.75", [id / 100.0, 1 - id / 100.0]);

    public static StatusReport Status(RunDirectory dir, long done, bool finished, params long[] front) =>
        new(dir.RunId, done, 40, done, 0, 0, new(), front.Select(Member).ToArray(), finished ? 0 : 2, 1, finished, 0, 0);

    /// <summary>As the coordinator writes it: a temporary file beside it, then a rename over it.</summary>
    public static void WriteStatusAtomically(RunDirectory dir, StatusReport status)
    {
        string tmp = dir.StatusFile + ".test-tmp";
        File.WriteAllText(tmp, System.Text.Json.JsonSerializer.Serialize(status));
        File.Move(tmp, dir.StatusFile, overwrite: true);
    }

    public static Task<DashboardServer> Serve(params string[] runs) =>
        DashboardServer.StartAsync(new DashboardOptions { RunDirectories = runs, Port = 0 }, new ReportRunPages());
}
