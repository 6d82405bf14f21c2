using System.Diagnostics;
using System.Text.Json;
using Cluster.Protocol;
using Cluster.Tests.Support;

namespace Cluster.Tests.MultiProcess;

/// <summary>
/// Three processes on loopback with no seed-node list: a coordinator (Cluster.TestHost `discovery-seed`) and two
/// evaluator nodes (`discovery-worker`) find each other through config discovery, form one cluster and finish the search as the single-process run with the same seed does, also when
/// one worker is SIGKILLed mid-run.
/// </summary>
[Collection("akka-runs")]
public sealed class DiscoveryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private sealed record Cluster(string Dir, Process Coordinator, Process WorkerA, Process WorkerB, string LogA, string LogB, int HealthA, int HealthB);

    /// <summary>Starts all three at once: each joins once it has discovered all three; the lowest address forms the cluster.</summary>
    private static Cluster Start(ChildProcesses children, string name, int holdAfterA)
    {
        string dir = TestRuns.TempDir(name);
        Directory.CreateDirectory(dir);
        int[] ports = [ChildProcesses.FreePort(), ChildProcesses.FreePort(), ChildProcesses.FreePort()];
        string endpoints = string.Join(",", ports.Select(p => $"127.0.0.1:{p}"));
        string logA = Path.Combine(dir, "worker-a.log"), logB = Path.Combine(dir, "worker-b.log");
        int healthA = ChildProcesses.FreePort(), healthB = ChildProcesses.FreePort();
        var coordinator = children.Start("discovery-seed", dir, TestRuns.Seed.ToString(), TestRuns.Max.ToString(), ports[0].ToString(), endpoints);
        var workerA = children.Start("discovery-worker", ports[1].ToString(), healthA.ToString(), endpoints, logA, holdAfterA.ToString());
        var workerB = children.Start("discovery-worker", ports[2].ToString(), healthB.ToString(), endpoints, logB, "-1");
        return new Cluster(dir, coordinator, workerA, workerB, logA, logB, healthA, healthB);
    }

    private static async Task<StatusReport> Finished(Cluster cluster)
    {
        using (var exit = new CancellationTokenSource(Step)) await cluster.Coordinator.WaitForExitAsync(exit.Token);
        Assert.Equal(0, cluster.Coordinator.ExitCode);
        return JsonSerializer.Deserialize<StatusReport>(File.ReadAllText(Path.Combine(cluster.Dir, "final.json")))!;
    }

    [Fact]
    public async Task Three_processes_form_a_cluster_by_discovery_and_finish_the_search_as_the_single_process_run()
    {
        var reference = await TestRuns.Reference();
        using var children = new ChildProcesses();
        var cluster = Start(children, "discovery", holdAfterA: -1);

        // Each worker's readiness probe turns 200 once it is an Up member: the three formed one cluster without seed nodes.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var readyA = Probe(http, cluster.HealthA, "/ready", Step);
        var readyB = Probe(http, cluster.HealthB, "/ready", Step);
        Assert.True(await Probe(http, cluster.HealthA, "/alive", Step), "worker A's /alive never answered 200");

        var final = await Finished(cluster);
        Assert.True(await readyA, "worker A never became a cluster member");
        Assert.True(await readyB, "worker B never became a cluster member");
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        // The discovered workers did every job, none twice.
        Assert.Equal(TestRuns.Max, ChildProcesses.Lines(cluster.LogA).Length + ChildProcesses.Lines(cluster.LogB).Length);
    }

    [Fact]
    public async Task A_worker_killed_mid_run_still_lets_the_discovered_cluster_finish_the_search()
    {
        var reference = await TestRuns.Reference();
        using var children = new ChildProcesses();
        // A finishes three jobs, then holds the fourth: the run cannot end without it until A is gone.
        var cluster = Start(children, "discovery-kill", holdAfterA: 3);
        Assert.True(await ChildProcesses.Until(() => File.Exists(cluster.LogA + ".holding") || cluster.Coordinator.HasExited, Step), "worker A never held a job");
        Assert.False(cluster.Coordinator.HasExited, "the coordinator exited early");
        string held = File.ReadAllText(cluster.LogA + ".holding").Trim();
        Assert.True(await ChildProcesses.Until(() => ChildProcesses.Lines(cluster.LogB).Length >= 2, Step), "worker B did no work");

        cluster.WorkerA.Kill(entireProcessTree: true);
        await cluster.WorkerA.WaitForExitAsync();

        var final = await Finished(cluster);
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(final));
        Assert.Equal(0, final.Poisoned);
        Assert.False(cluster.WorkerB.HasExited, "worker B died");
        // The job A held when it died was evaluated by B.
        Assert.DoesNotContain(held, ChildProcesses.Lines(cluster.LogA));
        Assert.Contains(held, ChildProcesses.Lines(cluster.LogB));
    }

    /// <summary>Polls GET http://127.0.0.1:port/path until it answers 200; false when <paramref name="limit"/> passed first.</summary>
    private static async Task<bool> Probe(HttpClient http, int port, string path, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}");
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        return false;
    }
}
