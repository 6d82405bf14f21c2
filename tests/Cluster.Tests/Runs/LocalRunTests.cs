using Cluster.Hosting;
using Cluster.Runs;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Search.Engine;

namespace Cluster.Tests.Runs;

/// <summary>Whole runs on a single-node cluster in this process (real actors, singleton, persistence).</summary>
[Collection("akka-runs")]
public sealed class LocalRunTests
{
    [Fact]
    public async Task Every_protocol_message_survives_serialization_during_a_run()
    {
        // serialize-messages = on: every local Tell of a protocol message goes through the MessagePack serializer;
        // in-memory journal, since the SQL journal's internal messages clash with that setting.
        var result = await TestRuns.Local("serialize", 2,
            slot => new ScriptedEvaluator(new FakeEvaluator((ulong)slot, 3), ScriptedEvaluator.Query),
            o => o with { Store = new StoreOptions.InMemory(), Node = o.Node with { SerializeMessages = true } });
        Assert.Equal(TestRuns.Max, result.Status.Done);
        Assert.True(result.Status.IsDone);
        Assert.NotEmpty(result.Status.Front);
    }

    [Fact]
    public async Task One_seed_gives_one_search_whatever_the_number_and_speed_of_workers()
    {
        var one = await TestRuns.Reference();
        var three = await TestRuns.Local("three-workers", 3, slot => new FakeEvaluator(200 + (ulong)slot, 12));
        Assert.Equal(TestRuns.Describe(one.Status), TestRuns.Describe(three.Status));
        Assert.Equal(TestRuns.Max, three.Status.Done);
        Assert.True(three.Status.Rejected > 0, "the space should exercise rejections too");

        // The run directory: run.json, store.db, status.json (read back without an actor system).
        var run = RunRecord.Load(three.RunDirectory);
        var (info, status) = (run.Info, run.Status);
        Assert.Equal(TestRuns.Seed, info.Seed);
        Assert.Equal("nsga2", info.Strategy);
        Assert.True(File.Exists(Path.Combine(three.RunDirectory, "store.db")));
        Assert.Equal(TestRuns.Describe(three.Status), TestRuns.Describe(status!));
    }

    [Fact]
    public async Task A_candidate_that_crashes_workers_twice_is_recorded_as_poison_and_the_run_completes()
    {
        ulong poisonSeed = EvaluationSeeds.For(TestRuns.Seed, 3);
        var result = await TestRuns.Local("poison", 2, slot => new ScriptedEvaluator(new FakeEvaluator((ulong)slot, 2), (job, _) =>
        {
            if (job.Seed == poisonSeed) throw new InvalidOperationException("simulated native crash");
        }));
        Assert.Equal(TestRuns.Max, result.Status.Done);
        Assert.Equal(1, result.Status.Poisoned);
        Assert.Equal(1, result.Status.Failed);
    }

    [Fact]
    public async Task A_job_past_its_deadline_goes_to_another_worker_and_the_search_is_unchanged()
    {
        ulong slowSeed = EvaluationSeeds.For(TestRuns.Seed, 2);
        int hung = 0;
        var reference = await TestRuns.Reference();
        var result = await TestRuns.Local("deadline", 2, slot => new ScriptedEvaluator(new FakeEvaluator((ulong)slot, 2), (job, _) =>
        {
            // Only the first attempt hangs, well past the deadline.
            if (job.Seed == slowSeed && Interlocked.Exchange(ref hung, 1) == 0) Thread.Sleep(2000);
        }), o => o with { Coordinator = o.Coordinator with { JobTimeout = TimeSpan.FromMilliseconds(800), DeadlineCheck = TimeSpan.FromMilliseconds(100) } });
        Assert.Equal(1, hung);
        Assert.Equal(0, result.Status.Poisoned);
        Assert.Equal(TestRuns.Describe(reference.Status), TestRuns.Describe(result.Status));
    }
}
