using Search.Core;
using Search.Engine;
using Search.Rejection;
using Search.Tests.Engine.TestDoubles;

namespace Search.Tests.Engine;

public class SearchEngineTests
{
    [Fact]
    public void Proposes_up_to_the_lookahead_and_refills_after_in_order_results()
    {
        var engine = TestSearch.Create();
        Assert.Equal(5, engine.Outstanding);
        var first = engine.Ask(100);
        Assert.Equal([0L, 1, 2, 3, 4], first.Select(p => p.Id));
        Assert.Empty(engine.Ask(1));

        Assert.Equal(TellOutcome.Buffered, engine.Tell(2, TestSearch.Evaluate(first[2])));
        Assert.Equal(5, engine.Outstanding); // nothing applied yet, so no room
        Assert.Equal(TellOutcome.Applied, engine.Tell(0, TestSearch.Evaluate(first[0])));
        Assert.Equal(1, engine.Counters.Applied);
        Assert.Equal(TellOutcome.Applied, engine.Tell(1, TestSearch.Evaluate(first[1])));
        Assert.Equal(3, engine.Counters.Applied); // 1 unblocked the buffered 2
        Assert.Equal([5L, 6, 7], engine.Ask(10).Select(p => p.Id));
    }

    [Fact]
    public void Lost_jobs_can_be_requeued_and_are_handed_out_again()
    {
        var engine = TestSearch.Create();
        var batch = engine.Ask(3);
        engine.Tell(1, TestSearch.Evaluate(batch[1]));
        Assert.Equal([0L, 2], engine.Pending.Select(p => p.Id));
        Assert.True(engine.Requeue(2));
        Assert.False(engine.Requeue(2));  // already queued
        Assert.False(engine.Requeue(1));  // has a result
        Assert.Equal([0L], engine.Pending.Select(p => p.Id));
        Assert.Equal([2L, 3], engine.Ask(2).Select(p => p.Id));
        Assert.Equal(batch[2], engine.Pending.Single(p => p.Id == 2));
    }

    [Fact]
    public void Evaluation_seeds_depend_only_on_run_seed_and_id()
    {
        var a = TestSearch.Create(seed: 5).Ask(5);
        Assert.Equal(a.Select(p => EvaluationSeeds.For(5, p.Id)), a.Select(p => p.EvaluationSeed));
        Assert.Equal(5, a.Select(p => p.EvaluationSeed).Distinct().Count());
        Assert.NotEqual(EvaluationSeeds.For(5, 0), EvaluationSeeds.For(6, 0));
    }

    [Fact]
    public void Bad_tells_are_refused()
    {
        var engine = TestSearch.Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Tell(5, EvaluationResult.Accept(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => engine.Tell(-1, EvaluationResult.Accept(1, 1)));
        var e = Assert.Throws<ArgumentException>(() => engine.Tell(0, EvaluationResult.Accept(1)));
        Assert.Contains("1 objective values, the search has 2", e.Message);
        Assert.Equal(0, engine.Counters.Told);
    }

    [Fact]
    public void Stops_proposing_at_the_evaluation_budget()
    {
        var engine = TestSearch.Create(max: 7);
        int steps = 0;
        while (!engine.IsDone && steps++ < 100) TestSearch.Step(engine, steps);
        Assert.Equal(7, engine.Counters.Proposed);
        Assert.Equal(7, engine.Counters.Applied);
        Assert.Equal(7, engine.Archive.Entries.Count);
        Assert.Empty(engine.Ask(10));
    }

    [Fact]
    public void Stop_predicate_ends_the_search_after_the_result_that_fires_it()
    {
        var engine = new SearchEngine<DigitGenome>(new DigitFamily(), new HillClimber(), TestSearch.Objectives,
            TestSearch.Settings(), stopWhen: p => p.Accepted >= 4);
        while (!engine.IsDone)
            foreach (var p in engine.Ask(1)) engine.Tell(p.Id, TestSearch.Evaluate(p));
        Assert.Equal(4, engine.Counters.Accepted);
        long proposed = engine.Counters.Proposed;
        Assert.Equal(proposed, engine.Counters.Applied + engine.Outstanding);
        Assert.Empty(engine.Ask(10));
        Assert.Equal(EvaluationStatus.Accepted, engine.Archive.Entries[^1].Result.Status);
    }

    [Theory]
    [InlineData(9, -1000.0)]  // the count fires
    [InlineData(500, -17.0)]  // the target (score 17 or more) fires first
    public void Composable_termination_criteria_plug_in_as_the_stop_predicate(long count, double target)
    {
        var stop = new Search.Termination.AnyTermination(new Search.Termination.EvaluationCountTermination(count),
            new Search.Termination.TargetReachedTermination(0, target)).ToStopPredicate();
        var engine = new SearchEngine<DigitGenome>(new DigitFamily(), new HillClimber(), TestSearch.Objectives, TestSearch.Settings(), stopWhen: stop);
        while (!engine.IsDone)
            foreach (var p in engine.Ask(1)) engine.Tell(p.Id, TestSearch.Evaluate(p));

        var scores = engine.Archive.Entries.Select(e => e.Result.Status == EvaluationStatus.Accepted ? -e.Result.Objectives![0] : double.PositiveInfinity).ToArray();
        bool reached(int upTo) => scores.Take(upTo).DefaultIfEmpty(double.PositiveInfinity).Min() <= target;
        Assert.True(engine.Counters.Applied == count || reached(scores.Length));
        Assert.False(engine.Counters.Applied - 1 == count || reached(scores.Length - 1)); // it stopped at the first result that fired
        Assert.Equal(scores.Min(), engine.Progress.BestMinimized[0]);
    }

    [Fact]
    public void Structural_screen_settles_proposals_without_handing_them_out()
    {
        // Only one-digit genomes pass, so most proposals are settled by the engine itself.
        var screen = new RejectionPipeline<DigitGenome>(
            [new StructuralValidityStage<DigitGenome>(g => g.Digits.Count > 1 ? "too long" : null)], 10, new FrozenTime());
        var engine = new SearchEngine<DigitGenome>(new DigitFamily(), new HillClimber(), TestSearch.Objectives, TestSearch.Settings(max: 200), screen);
        var handedOut = new List<Proposal<DigitGenome>>();
        while (!engine.IsDone)
        {
            var batch = engine.Ask(3);
            Assert.NotEmpty(batch);
            handedOut.AddRange(batch);
            foreach (var p in batch) engine.Tell(p.Id, TestSearch.Evaluate(p));
        }
        Assert.All(handedOut, p => Assert.Single(p.Genome.Digits));
        long structural = engine.Archive.Entries.Count(e => e.Result.Stage == StageNames.Structural);
        Assert.Equal(200 - handedOut.Count, structural);
        Assert.True(structural > 0);
        Assert.Equal(structural, engine.Counters.RejectedAt(StageNames.Structural));
        var stats = engine.Counters.Stages[StageNames.Structural];
        Assert.Equal((200L, structural, structural * 10.0), (stats.Examined, stats.Rejected, stats.ComputeSavedSeconds));
    }

    [Fact]
    public void Counters_add_up()
    {
        var engine = TestSearch.Create();
        TestSearch.Run(engine, 0, 40);
        var c = engine.Counters;
        Assert.Equal(c.Applied, c.Accepted + c.Rejected + c.Failed);
        Assert.Equal(c.Applied, engine.Archive.Entries.Count);
        Assert.Equal(c.Proposed, c.Applied + engine.Outstanding);
        Assert.Equal(c.Rejected, c.RejectedAt(StageNames.Structural) + c.RejectedAt(StageNames.QualityHurdle));
        Assert.True(c.Accepted > 0 && c.Failed > 0 && c.RejectedAt(StageNames.QualityHurdle) > 0);
    }

    [Fact]
    public void Front_is_exactly_the_non_dominated_accepted_individuals()
    {
        var engine = TestSearch.Create(seed: 11);
        TestSearch.Run(engine, 0, 60);
        var accepted = engine.Archive.Entries.Where(e => e.Result.Status == EvaluationStatus.Accepted)
            .Select(e => (e.Id, m: TestSearch.Objectives.ToMinimized(e.Result.Objectives))).ToList();
        static bool Dominates(double[] a, double[] b) => a.Zip(b).All(p => p.First <= p.Second) && a.Zip(b).Any(p => p.First < p.Second);
        // Non-dominated, and of equal objective vectors the earliest.
        var expected = accepted.Where(x => !accepted.Any(y => Dominates(y.m, x.m)))
            .GroupBy(x => string.Join(",", x.m)).Select(g => g.Min(x => x.Id)).Order();
        Assert.Equal(expected, engine.Archive.Front.Select(i => i.Id).Order());
        Assert.True(engine.Archive.Front.Count >= 2);
    }

    [Fact]
    public void Equal_objective_vectors_keep_only_their_first_holder_on_the_front()
    {
        var engine = TestSearch.Create();
        var batch = engine.Ask(5);
        // (score, size): 0..2 tie at (1, 1); 3 trades off against them; 4 dominates 0..2.
        double[][] values = [[1, 1], [1, 1], [1, 1], [0.5, 0], [2, 1]];
        foreach (var p in batch) engine.Tell(p.Id, EvaluationResult.Accept(values[p.Id]));
        Assert.Equal([3L, 4], engine.Archive.Front.Select(i => i.Id));
        var again = engine.Ask(1)[0];
        engine.Tell(again.Id, EvaluationResult.Accept(0.5, 0));
        Assert.Equal([3L, 4], engine.Archive.Front.Select(i => i.Id));
    }

    [Fact]
    public void Results_told_with_a_fingerprint_are_reused_through_the_cache()
    {
        var engine = TestSearch.Create();
        var batch = engine.Ask(3);
        var fp = ProbeFingerprint.OfFunction(x => Math.Max(x, 0));
        var other = ProbeFingerprint.OfFunction(Math.Tanh);
        Assert.False(engine.TryReuse(fp, out _));
        engine.Tell(batch[1].Id, EvaluationResult.Accept(3, 1), fp); // buffered: not cached until applied
        Assert.False(engine.TryReuse(fp, out _));
        engine.Tell(batch[2].Id, EvaluationResult.Fail("oom"), other);
        engine.Tell(batch[0].Id, EvaluationResult.Accept(1, 1));
        Assert.True(engine.TryReuse(fp, out var reused));
        Assert.Equal([3.0, 1.0], reused.Objectives!);
        Assert.False(engine.TryReuse(other, out _)); // failures are not cached
        Assert.Equal(1, engine.Counters.CacheHits);
    }
}
