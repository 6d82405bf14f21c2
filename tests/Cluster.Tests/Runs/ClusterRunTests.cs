using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Tests.MultiProcess;
using Cluster.Tests.Support;
using Cluster.Workers;

namespace Cluster.Tests.Runs;

/// <summary>Two and three ActorSystems on loopback: the coordinator node and remote evaluator nodes.</summary>
[Collection("akka-runs")]
public sealed class ClusterRunTests
{
    [Fact]
    public async Task Jobs_of_a_worker_node_that_leaves_go_to_another_node_and_the_search_equals_a_single_process_run()
    {
        var reference = await TestRuns.Reference();

        int port = ChildProcesses.FreePort();
        string[] seeds = [$"127.0.0.1:{port}"];
        var evaluatorNode = new NodeOptions { SeedNodes = seeds, Roles = [NodeOptions.EvaluatorRole] };
        using var release = new ManualResetEventSlim();
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // The coordinator's node evaluates nothing itself.
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("cluster"), Workers = 0, Node = new NodeOptions { Port = port } };
        var run = SearchRunner.SubmitToCluster(TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max), seeds, options, null, stop.Token);

        // Node A takes a job and never finishes it; then it leaves the cluster.
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var nodeA = SearchRunner.JoinAsWorker(evaluatorNode, 1, _ => new ScriptedEvaluator(new FakeEvaluator(0, 0), (_, _) =>
        {
            holding.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(60));
        }), new WorkerSettings(), stopA.Token);
        await holding.Task.WaitAsync(stop.Token);
        stopA.Cancel();
        await nodeA;

        // Node B does all the work, the lost job included.
        var nodeB = SearchRunner.JoinAsWorker(evaluatorNode, 2, slot => new FakeEvaluator(10 + (ulong)slot, 5), new WorkerSettings(), stop.Token);
        var result = await run;
        release.Set();
        stop.Cancel();
        await nodeB;

        Assert.True(result.Completed);
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(result.Status));
        Assert.Equal(0, result.Status.Poisoned);
    }
}
