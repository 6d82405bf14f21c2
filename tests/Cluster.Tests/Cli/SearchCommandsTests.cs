using Cluster.Cli;
using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Cli;

/// <summary>The search commands end to end with a synthetic space and the fake evaluator.</summary>
[Collection("akka-runs")]
public sealed class SearchCommandsTests
{
    private static readonly SearchComposition Fake = new(
        source => source is null or "embedded:zdt1-test" ? TestSpaces.Zdt1(TestRuns.Seed, TestRuns.Max)
            : throw new FileNotFoundException("the test composition knows only embedded:zdt1-test", source),
        slot => new FakeEvaluator((ulong)slot.Slot, 2));

    private static Task<int> Invoke(params string[] args) => SearchCli.Invoke(Fake, args);

    [Fact]
    public async Task Run_then_status_then_resume_of_the_finished_run()
    {
        string dir = TestRuns.TempDir("cli");
        Assert.Equal(0, await Invoke("run", "--workers", "2", "--out", dir));
        var run = RunRecord.Load(dir);
        var (info, status) = (run.Info, run.Status);
        Assert.Equal("zdt1-test", info.SpaceName);
        Assert.Equal(TestRuns.Describe((await TestRuns.Reference()).Status), TestRuns.Describe(status!));
        // The stage counters reach status.json: every result passed through the fake's one stage.
        var stage = Assert.Single(status!.Stages!);
        Assert.Equal(("fake-sanity", status.Done, status.RejectedByStage["fake-sanity"]), (stage.Name, stage.Examined, stage.Rejected));

        Assert.Equal(0, await Invoke("status", dir));
        Assert.Equal(0, await Invoke("resume", dir, "--workers", "1"));
        Assert.Equal(TestRuns.Describe(status!), TestRuns.Describe(RunRecord.Load(dir).Status!));
    }

    [Fact]
    public async Task Seed_option_overrides_the_space_seed()
    {
        string dir = TestRuns.TempDir("cli-seed");
        Assert.Equal(0, await Invoke("run", "--seed", "99", "--out", dir));
        Assert.Equal(99UL, RunRecord.Load(dir).Info.Seed);
    }

    [Fact]
    public async Task A_worker_node_may_not_take_the_coordinator_role()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SearchRunner.JoinAsWorker(
            new NodeOptions { Roles = [NodeOptions.CoordinatorRole] }, 1, _ => new FakeEvaluator(0, 0), new(), CancellationToken.None));
    }
}
