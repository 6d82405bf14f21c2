using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Cluster.Workers;

namespace Cluster.Tests.Runs;

/// <summary>
/// A worker node outlives its coordinator: when the run's coordinator stops and is resumed (a new
/// cluster on the same seed address), the node notices, starts afresh, joins again, and the resumed
/// run finishes with the uninterrupted run's result.
/// </summary>
[Collection("akka-runs")]
public sealed class WorkerRejoinTests
{
    [Fact]
    public async Task A_worker_node_joins_the_resumed_coordinator_and_the_run_ends_as_if_uninterrupted()
    {
        string dir = TestRuns.TempDir("rejoin");
        int port = MultiProcess.ChildProcesses.FreePort();
        var seed = $"127.0.0.1:{port}";
        var space = TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max);
        var rejoined = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopWorker = new CancellationTokenSource();
        var worker = SearchRunner.JoinAsWorker(new NodeOptions { SeedNodes = [seed], Roles = [NodeOptions.EvaluatorRole] }, 1,
            slot => new FakeEvaluator((ulong)slot, 5), new WorkerSettings { RejoinAfter = TimeSpan.FromSeconds(1) }, stopWorker.Token,
            line => rejoined.TrySetResult(line));

        // First life of the coordinator: stopped after 10 results.
        using var stopFirst = new CancellationTokenSource();
        var progress = new Progress<RunProgress>(p => { if (p.Done >= 10) stopFirst.Cancel(); });
        var first = await SearchRunner.SubmitToCluster(space, [seed], new RunOptions { RunDirectory = dir, Workers = 0, Node = new NodeOptions { Port = port } },
            progress, stopFirst.Token).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(first.Completed);

        // Second life on the same address: a new cluster; only a node that joins again can evaluate for it.
        var node = new NodeOptions { Port = port, SeedNodes = [seed], Roles = [NodeOptions.CoordinatorRole] };
        var resumed = await SearchRunner.Resume(dir, space, new RunOptions { Workers = 0, Node = node }, null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(resumed.Completed);
        Assert.Contains($"joining {seed} again", await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TestRuns.Describe((await TestRuns.Reference()).Status), TestRuns.Describe(resumed.Status));
        stopWorker.Cancel();
        await worker.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
