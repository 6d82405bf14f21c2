using Cluster.Coordinator;
using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Runs;

/// <summary>A run that no evaluator slot ever reaches says so, in its progress and in status.json, instead of waiting silently.</summary>
[Collection("akka-runs")]
public sealed class NoWorkerNoticeTests
{
    [Fact]
    public async Task A_run_without_evaluator_slots_reports_a_notice_in_progress_and_status()
    {
        string dir = TestRuns.TempDir("no-workers");
        var noticed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Progress<RunProgress>(p => { if (p.Notice is { } n && n.Contains("slot")) noticed.TrySetResult(n); });
        using var cancel = new CancellationTokenSource();
        var options = new RunOptions
        {
            RunDirectory = dir, Workers = 0, Coordinator = new CoordinatorSettings { NoWorkerNotice = TimeSpan.FromSeconds(1) },
        };
        var run = SearchRunner.RunLocal(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), options, progress, cancel.Token);

        string notice = await noticed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancel.Cancel();
        var result = await run;

        Assert.Contains("no evaluator slot", notice);
        Assert.False(result.Completed);
        Assert.Equal(0, result.Status.Done);
        var status = RunRecord.Load(dir).Status!;
        Assert.Contains("no evaluator slot has been connected", status.Notice);
        Assert.Equal(0, status.Workers);
    }

    [Fact]
    public async Task A_run_submitted_to_a_cluster_it_cannot_reach_says_no_coordinator_answers_and_stops_cleanly()
    {
        string dir = TestRuns.TempDir("unreachable");
        var noticed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Progress<RunProgress>(p => { if (p.Notice is { } n) noticed.TrySetResult(n); });
        using var cancel = new CancellationTokenSource();
        var options = new RunOptions
        {
            RunDirectory = dir, Workers = 0, Coordinator = new CoordinatorSettings { NoWorkerNotice = TimeSpan.FromSeconds(2) },
        };
        // Nothing listens on port 1: the node never joins, so the coordinator singleton never starts.
        var run = SearchRunner.SubmitToCluster(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), ["127.0.0.1:1"], options, progress, cancel.Token);

        string notice = await noticed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancel.Cancel();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(40));

        Assert.Contains("no answer from the run's coordinator", notice);
        Assert.False(result.Completed);
        Assert.Equal(0, result.Status.Done);
    }
}
