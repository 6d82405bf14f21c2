using Search.Core;
using Search.Engine;
using Search.State;
using Search.Tests.Engine.TestDoubles;

namespace Search.Tests.Engine;

public sealed class MultiFidelityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multifidelity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Two rungs above rung 0: the best half of rung 0 goes to rung 1, the best half of rung 1 to rung 2.
    private static EngineSettings Settings(long max = 60, double[]? promote = null) =>
        TestSearch.Settings(max: max) with { Fidelity = new FidelitySettings(promote ?? [0.5, 0.5]) };

    private static SearchEngine<DigitGenome> Create(long max = 60, double[]? promote = null) =>
        new(new DigitFamily(), new HillClimber(), TestSearch.Objectives, Settings(max, promote), TestSearch.Screen());

    /// <summary>The fake evaluator of <see cref="TestSearch"/>, one point better per rung (longer training helps).</summary>
    private static EvaluationResult Evaluate(Proposal<DigitGenome> p)
    {
        var r = TestSearch.Evaluate(p);
        return r.Status == EvaluationStatus.Accepted ? EvaluationResult.Accept(r.Objectives![0] + p.Rung, r.Objectives[1]) : r;
    }

    private static void Run(SearchEngine<DigitGenome> engine, int fromStep = 0, int steps = 100_000)
    {
        for (int s = fromStep; s < fromStep + steps && !engine.IsDone; s++)
        {
            var batch = engine.Ask(3).ToList();
            if (batch.Count == 0) break;
            if (s % 2 == 1) batch.Reverse();
            foreach (var p in batch) engine.Tell(p.Id, Evaluate(p));
        }
    }

    [Fact]
    public void The_best_fraction_of_each_rung_is_promoted_once_as_a_new_proposal_of_the_same_genome()
    {
        var engine = Create();
        Run(engine);

        var entries = engine.Archive.Entries;
        Assert.Equal(60, entries.Count);
        var rung0 = entries.Where(e => e.Rung == 0 && e.Result.Status == EvaluationStatus.Accepted).ToArray();
        var rung1 = entries.Where(e => e.Rung == 1).ToArray();
        var rung2 = entries.Where(e => e.Rung == 2).ToArray();
        Assert.NotEmpty(rung1);
        Assert.NotEmpty(rung2);
        foreach (var e in rung1.Concat(rung2))
        {
            var origin = entries[(int)e.Origin!.Value];
            Assert.Equal(0, origin.Rung);
            Assert.Equal(origin.Genome, e.Genome);
            Assert.True(e.Id > origin.Id);
        }
        // Each candidate at most once per rung, and rung 2 only from rung 1.
        Assert.Equal(rung1.Length, rung1.Select(e => e.Candidate).Distinct().Count());
        Assert.All(rung2, e => Assert.Contains(rung1, p => p.Candidate == e.Candidate));
        // ASHA's rule at the end: at most floor(n / 2) promoted out of each rung, and the promoted ones
        // are the best of their rung at the time they were promoted, so never worse than every unpromoted one.
        Assert.True(rung1.Length <= rung0.Length / 2, $"{rung1.Length} promoted of {rung0.Length}; ladder {string.Join(" ", engine.Rungs)}");
        var promoted = rung1.Select(e => e.Candidate).ToHashSet();
        double worstPromoted = rung0.Where(e => promoted.Contains(e.Candidate)).Min(e => e.Result.Objectives![0]);
        Assert.Contains(rung0, e => !promoted.Contains(e.Candidate) && e.Result.Objectives![0] <= worstPromoted);
        Assert.Equal(rung0.Length, engine.Rungs[0].Accepted);
        Assert.Equal(rung1.Length, engine.Rungs[0].Promoted);
    }

    [Fact]
    public void Promotion_picks_exactly_the_hand_computed_candidates_when_results_arrive_in_turn()
    {
        var engine = Create(max: 1000, promote: [0.5]);
        // Rung-0 results 3, 1, 4, 2 (scores) in id order: after 2 results floor(2/2) = 1 promoted (id 0, score 3),
        // after 4 results 2 promoted: the next best is id 2 (score 4), promoted although it arrived third.
        double[] scores = [3, 1, 4, 2];
        var batch = engine.Ask(4);
        for (int i = 0; i < 4; i++) engine.Tell(batch[i].Id, EvaluationResult.Accept(scores[i], 1));
        var promotions = engine.Ask(100).Where(p => p.Rung == 1).ToArray();
        Assert.Equal([0L, 2], promotions.Select(p => p.Candidate));
        Assert.Equal(batch[0].Genome, promotions[0].Genome);
        Assert.Equal(batch[2].Genome, promotions[1].Genome);
    }

    [Fact]
    public void A_candidate_stands_on_the_front_with_its_highest_rung_result_even_when_that_is_worse()
    {
        var engine = Create(max: 1000, promote: [0.5]);
        var batch = engine.Ask(2);
        engine.Tell(batch[0].Id, EvaluationResult.Accept(5, 1));
        engine.Tell(batch[1].Id, EvaluationResult.Accept(4, 1));
        var promotion = engine.Ask(100).Single(p => p.Rung == 1);
        Assert.Equal(batch[0].Id, promotion.Candidate);
        Assert.Contains(engine.Archive.Front, i => i.Id == batch[0].Id);

        // Remaining rung-0 proposals before the promotion in id order.
        foreach (var p in engine.Pending.Where(p => p.Id < promotion.Id).OrderBy(p => p.Id)) engine.Tell(p.Id, EvaluationResult.Reject("hurdle", "low"));
        engine.Tell(promotion.Id, EvaluationResult.Accept(3, 1)); // more seeds: luck gone, now below candidate 1
        var front = engine.Archive.Front;
        Assert.DoesNotContain(front, i => i.Id == batch[0].Id);
        Assert.Contains(front, i => i.Id == batch[1].Id);
        Assert.DoesNotContain(front, i => i.Id == promotion.Id); // dominated by candidate 1 (4 > 3, same size)
        Assert.Equal(promotion.Id, engine.Archive.CurrentOf(batch[0].Id)!.Id);
    }

    [Fact]
    public void The_search_is_the_same_whatever_the_order_of_results_and_across_save_and_restore()
    {
        var a = Create();
        Run(a);

        var b = Create();
        Run(b, 0, 7);
        var handedOut = b.Ask(3);
        string path = Path.Combine(_dir, "state.bin");
        b.Save(path);
        var restored = SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber(), TestSearch.Objectives, Settings(), TestSearch.Screen());
        // Results of the jobs handed out before the save come back after the restore, then the search goes on.
        Assert.Equal(handedOut.Select(p => p.Id), restored.Pending.Select(p => p.Id));
        foreach (var p in restored.Pending.Reverse()) restored.Tell(p.Id, Evaluate(p));
        Run(restored, 8);
        Assert.True(restored.IsDone);

        static string Text(ArchiveEntry e) => $"{e.Id} {e.Genome} {e.Rung} {e.Origin} {e.Result.Status} {string.Join(",", e.Result.Objectives ?? [])}";
        Assert.Equal(string.Join("\n", a.Archive.Entries.Select(Text)), string.Join("\n", restored.Archive.Entries.Select(Text)));
        Assert.Equal(a.Archive.Front.Select(i => i.Id), restored.Archive.Front.Select(i => i.Id));
        Assert.Equal(a.Rungs, restored.Rungs);
    }

    [Fact]
    public void A_changed_ladder_is_refused_on_restore_and_bad_ladders_are_refused_up_front()
    {
        var engine = Create();
        Run(engine, 0, 3);
        string path = Path.Combine(_dir, "state.bin");
        engine.Save(path);
        Assert.Throws<IncompatibleStateException>(() => SearchEngine<DigitGenome>.Restore(path, new DigitFamily(), new HillClimber(),
            TestSearch.Objectives, Settings(promote: [0.25, 0.5]), TestSearch.Screen()));

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(promote: [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(promote: [1.5]));
        Assert.Throws<ArgumentException>(() => Create(promote: []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchEngine<DigitGenome>(new DigitFamily(), new HillClimber(), TestSearch.Objectives,
            TestSearch.Settings() with { Fidelity = new FidelitySettings([0.5], RankObjective: 2) }));
    }

    [Fact]
    public void Without_rungs_nothing_is_promoted_and_every_entry_is_rung_zero()
    {
        var engine = TestSearch.Create(max: 40);
        TestSearch.Run(engine, 0, 20);
        Assert.All(engine.Archive.Entries, e => Assert.Equal(0, e.Rung));
        Assert.Empty(engine.Rungs);
    }
}
