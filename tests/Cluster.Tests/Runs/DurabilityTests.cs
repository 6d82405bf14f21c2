using System.Diagnostics;
using System.Text.Json;
using Cluster.Hosting;
using Cluster.Protocol;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Search.Core;

namespace Cluster.Tests.Runs;

/// <summary>
/// kill -9 at random moments, resume, and compare with an uninterrupted run. The search runs in a
/// child process (Cluster.TestHost: SQLite store in the run directory, fake deterministic evaluator)
/// killed with SIGKILL, so nothing gets a chance to flush or shut down.
/// </summary>
[Collection("akka-runs")]
public sealed class DurabilityTests
{
    // Twice the other tests' budget: three lives of up to 8 evaluations each, plus what two workers finish
    // between reaching a kill target and the kill, came within a few evaluations of 40 on a slow machine,
    // so the third life could end the run before it was killed.
    private const long Max = 2 * TestRuns.Max;
    private const int Workers = 2;
    private const int Kills = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // multi-fidelity: promotions in flight and the rung ladder survive the kills too
    public async Task A_run_killed_three_times_and_resumed_ends_where_an_uninterrupted_run_ends_without_rerunning_stored_results(bool rungs)
    {
        var reference = await TestRuns.Local(rungs ? "reference-durable-rungs" : "reference-durable", 1,
            slot => new FakeEvaluator((ulong)slot, 0), o => o with { Store = new StoreOptions.InMemory() }, Max, rungs);
        if (rungs) Assert.Contains(reference.Status.Front, f => f.Rung > 0);

        string dir = TestRuns.TempDir("durable");
        string log = Path.Combine(dir, "evaluations.log");
        var rng = new Rng(2026);
        int killed = 0;
        for (int attempt = 0; attempt < Kills; attempt++)
        {
            using var child = Start(attempt == 0 ? "run" : "resume", dir, rungs);
            // Kill once this life has finished a random number of evaluations, plus a random few milliseconds.
            int target = Lines(log) + rng.NextInt(2, 9);
            var waited = Stopwatch.StartNew();
            while (Lines(log) < target && !child.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
            await Task.Delay(rng.NextInt(0, 40));
            if (child.HasExited) break;
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            killed++;
        }
        Assert.True(killed >= 2, $"only {killed} kills landed before the run finished");
        Assert.False(File.Exists(Path.Combine(dir, "final.json")), $"the run ended before the last kill ({Lines(log)} evaluations logged)");

        using (var last = Start("resume", dir, rungs))
        {
            string stderr = await last.StandardError.ReadToEndAsync();
            Assert.True(last.WaitForExit(TimeSpan.FromSeconds(60)), "resume did not finish");
            Assert.True(last.ExitCode == 0, $"resume failed ({last.ExitCode}): {stderr}");
        }

        var final = JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(Path.Combine(dir, "final.json")))!;
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        Assert.Equal(Max, final.Done);
        // Each kill can lose at most the evaluations finished but not yet stored (one per worker);
        // anything stored is never evaluated again.
        int evaluations = Lines(log);
        Assert.InRange(evaluations, Max, Max + killed * Workers);
    }

    private static Process Start(string verb, string dir, bool rungs)
    {
        string host = Path.Combine(AppContext.BaseDirectory, "Cluster.TestHost.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { host, verb, dir, TestRuns.Seed.ToString(), Max.ToString(), Workers.ToString() }) info.ArgumentList.Add(a);
        if (rungs) info.ArgumentList.Add("rungs");
        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start the test host");
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    private static int Lines(string file)
    {
        if (!File.Exists(file)) return 0;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        int n = 0;
        while (reader.ReadLine() is not null) n++;
        return n;
    }
}
