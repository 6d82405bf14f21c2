using System.Text.Json;
using Cluster.Protocol;
using Cluster.Tests.Support;

namespace Cluster.Tests.MultiProcess;

/// <summary>
/// Three operating-system processes on loopback: a seed node hosting only the coordinator (SQLite
/// store) and two evaluator nodes (Cluster.TestHost `seed` / `worker`). Worker A is SIGKILLed while
/// it holds a job; the job is requeued and evaluated by worker B, and the run ends as the
/// single-process run with the same seed does.
/// </summary>
[Collection("akka-runs")]
public sealed class MultiProcessRunTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_worker_process_killed_mid_run_loses_nothing_and_the_front_equals_the_single_process_run()
    {
        var reference = await TestRuns.Reference();
        using var children = new ChildProcesses();
        string dir = TestRuns.TempDir("multiproc");
        Directory.CreateDirectory(dir);
        string logA = Path.Combine(dir, "worker-a.log"), logB = Path.Combine(dir, "worker-b.log");
        int port = ChildProcesses.FreePort();

        var seed = children.Start("seed", dir, TestRuns.Seed.ToString(), TestRuns.Max.ToString(), port.ToString());
        // A finishes three jobs, then holds the fourth (the run stalls at NSGA-II's generation barrier without it).
        var workerA = children.Start("worker", port.ToString(), logA, "3");
        Assert.True(await ChildProcesses.Until(() => File.Exists(logA + ".holding") || seed.HasExited, Step), "worker A never held a job");
        Assert.False(seed.HasExited, "the seed node exited early");
        string held = File.ReadAllText(logA + ".holding").Trim();

        var workerB = children.Start("worker", port.ToString(), logB, "-1");
        Assert.True(await ChildProcesses.Until(() => ChildProcesses.Lines(logB).Length >= 2, Step), "worker B did no work");
        workerA.Kill(entireProcessTree: true);
        await workerA.WaitForExitAsync();

        using (var exit = new CancellationTokenSource(Step)) await seed.WaitForExitAsync(exit.Token);
        Assert.Equal(0, seed.ExitCode);
        Assert.False(workerB.HasExited, "worker B died");

        var final = JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(Path.Combine(dir, "final.json")))!;
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        Assert.Equal(0, final.Poisoned);

        // The held job was finished by B; A never finished it.
        string[] doneA = ChildProcesses.Lines(logA), doneB = ChildProcesses.Lines(logB);
        Assert.Equal(3, doneA.Length);
        Assert.DoesNotContain(held, doneA);
        Assert.Contains(held, doneB);

        // The journal: exactly one stored result per proposal, the budget's worth; A's held job recorded as lost.
        var (results, lost) = JournalReader.Read(Path.Combine(dir, "store.db"));
        Assert.Equal(TestRuns.Max, results.Count);
        Assert.Equal(TestRuns.Max, results.Select(r => r.ProposalId).Distinct().Count());
        var lostJob = Assert.Single(lost);
        Assert.Contains(results, r => r.ProposalId == lostJob.ProposalId && r.WorkerId != lostJob.WorkerId);
        Assert.Equal(TestRuns.Max, doneA.Length + doneB.Length);
    }
}
