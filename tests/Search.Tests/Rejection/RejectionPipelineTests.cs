using MessagePack;
using Search.Core;
using Search.Rejection;
using Search.Tests.Engine.TestDoubles;

namespace Search.Tests.Rejection;

public class RejectionPipelineTests
{
    /// <summary>A stage that rejects or reuses when the candidate equals its trigger, and logs its calls.</summary>
    private sealed class Stage(string name, double cost, int rejectOn = -1, int reuseOn = -1, List<string>? log = null) : IRejectionStage<int>
    {
        public string Name => name;
        public double EstimatedCostSeconds => cost;
        public StageVerdict Check(int candidate)
        {
            log?.Add(name);
            return candidate == rejectOn ? StageVerdict.Reject($"{name} says no")
                : candidate == reuseOn ? StageVerdict.Reuse(EvaluationResult.Accept(0.5))
                : StageVerdict.Pass;
        }
    }

    [Fact]
    public void Runs_cheapest_first_keeping_the_given_order_for_equal_costs()
    {
        var log = new List<string>();
        var pipeline = new RejectionPipeline<int>(
            [new Stage("stability", 30, log: log), new Stage("numeric", 1, log: log), new Stage("fec", 0.01, log: log), new Stage("quality", 1, log: log)],
            fullTrainingCostSeconds: 100);
        Assert.Equal(["fec", "numeric", "quality", "stability"], pipeline.Order);
        Assert.True(pipeline.Run(0).Passed);
        Assert.Equal(["fec", "numeric", "quality", "stability"], log);
    }

    [Fact]
    public void Stops_at_the_first_rejection_and_counts_per_stage()
    {
        // The fake clock moves 1 s per read and a stage is timed by two reads, so each stage takes exactly 1 s.
        var time = new FrozenTime(TimeSpan.TicksPerSecond);
        var pipeline = new RejectionPipeline<int>(
            [new Stage("numeric", 1, rejectOn: 1), new Stage("quality", 5, rejectOn: 2), new Stage("stability", 9, rejectOn: 3)],
            fullTrainingCostSeconds: 100, time);

        var outcome = pipeline.Run(2);
        Assert.Equal((VerdictKind.Reject, "quality", "quality says no", 2.0), (outcome.Kind, outcome.Stage, outcome.Reason, outcome.Seconds));
        var result = outcome.ToResult()!;
        Assert.Equal((EvaluationStatus.Rejected, "quality", 2.0), (result.Status, result.Stage, result.Seconds));
        pipeline.Run(1);
        pipeline.Run(0);

        var c = pipeline.Counters;
        Assert.Equal(new StageStats("numeric", Examined: 3, Rejected: 1, Seconds: 3, ComputeSavedSeconds: 99), c["numeric"]);
        Assert.Equal(new StageStats("quality", Examined: 2, Rejected: 1, Seconds: 2, ComputeSavedSeconds: 98), c["quality"]);
        Assert.Equal(new StageStats("stability", Examined: 1, Seconds: 1), c["stability"]);
    }

    [Fact]
    public void A_reuse_verdict_ends_the_pipeline_with_the_cached_result()
    {
        var log = new List<string>();
        var pipeline = new RejectionPipeline<int>([new Stage("fec", 0, reuseOn: 7, log: log), new Stage("quality", 5, log: log)], 60, new FrozenTime());
        var outcome = pipeline.Run(7);
        Assert.Equal(VerdictKind.Reuse, outcome.Kind);
        Assert.Equal([0.5], outcome.ToResult()!.Objectives!);
        Assert.Equal(["fec"], log);
        Assert.Equal(new StageStats("fec", Examined: 1, Reused: 1, ComputeSavedSeconds: 60), pipeline.Counters["fec"]);
        Assert.Null(pipeline.Run(8).ToResult());
    }

    [Fact]
    public void Stage_names_must_be_unique()
    {
        var e = Assert.Throws<ArgumentException>(() => new RejectionPipeline<int>([new Stage("a", 1), new Stage("a", 2)], 1));
        Assert.Contains("'a'", e.Message);
    }

    [Fact]
    public void Counters_from_workers_merge_as_a_sum_in_any_order_and_survive_serialization()
    {
        // Whole seconds on the fake clock keep the double sums exact, so any merge order gives equal totals.
        RejectionCounters Worker(int seed)
        {
            var p = new RejectionPipeline<int>([new Stage("numeric", 1, rejectOn: seed % 3), new Stage("quality", 2, rejectOn: seed % 5)], 50, new FrozenTime(seed * TimeSpan.TicksPerSecond));
            for (int i = 0; i < 10; i++) p.Run(i);
            var taken = p.TakeCounters();
            Assert.Empty(p.Counters.Stages);
            return MessagePackSerializer.Deserialize<RejectionCounters>(MessagePackSerializer.Serialize(taken));
        }
        var workers = Enumerable.Range(1, 4).Select(Worker).ToArray();
        var forward = new RejectionCounters();
        foreach (var w in workers) forward.Merge(w);
        var backward = new RejectionCounters();
        foreach (var w in workers.Reverse()) backward.Merge(w);

        Assert.Equal(forward.Stages, backward.Stages);
        Assert.Equal(40, forward["numeric"].Examined);
        Assert.Equal(workers.Sum(w => w["quality"].Rejected), forward["quality"].Rejected);
        Assert.Equal(["numeric", "quality"], forward.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Structural_stage_rejects_by_its_predicate()
    {
        var stage = StructuralValidityStage<DigitGenome>.MaxTextLength(5);
        Assert.Equal(VerdictKind.Pass, stage.Check(new DigitGenome([1, 2, 3])).Kind);
        var v = stage.Check(new DigitGenome([1, 2, 3, 4]));
        Assert.Equal((VerdictKind.Reject, "genome text has 7 characters, limit 5"), (v.Kind, v.Reason));
        Assert.Equal(StageNames.Structural, stage.Name);
    }
}
