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
        string[] flags = rungs ? ["rungs"] : [];
        Process Start(string verb) => KilledRuns.Start(verb, dir, Max, Workers, flags);
        int killed = await KilledRuns.KillRepeatedly(Start, log, new Rng(2026), Kills);
        Assert.True(killed >= 2, $"only {killed} kills landed before the run finished");
        Assert.False(File.Exists(Path.Combine(dir, "final.json")), $"the run ended before the last kill ({KilledRuns.Lines(log)} evaluations logged)");

        await KilledRuns.Finish(Start);

        var final = JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(Path.Combine(dir, "final.json")))!;
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        Assert.Equal(Max, final.Done);
        // Each kill can lose at most the evaluations finished but not yet stored (one per worker);
        // anything stored is never evaluated again.
        int evaluations = KilledRuns.Lines(log);
        Assert.InRange(evaluations, Max, Max + killed * Workers);
    }
}
