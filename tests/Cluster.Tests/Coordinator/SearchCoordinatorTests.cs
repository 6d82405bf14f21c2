using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using Search.Core;

namespace Cluster.Tests.Coordinator;

public sealed class SearchCoordinatorTests
{
    private readonly ManualClock _clock = new();
    private readonly FakeEvaluator _evaluator = new(1, 0);
    private static readonly CoordinatorSettings Settings = new() { JobTimeout = TimeSpan.FromMinutes(1), PoisonStrikes = 2 };

    private SearchCoordinator NewCoordinator(long max = 40) => SearchCoordinator.Create(TestSpaces.Zdt1(5, max), "run", Settings, _clock);

    private JobResult Evaluate(Job job, string worker = "w") =>
        new(job.RunId, job.ProposalId, worker, job.Attempt,
            ReportData.From(_evaluator.Evaluate(job.ToEvaluationJob(), _evaluator, CancellationToken.None)));

    private static string ArchiveText(SearchCoordinator c) =>
        string.Join("\n", c.Engine.Archive.Entries.Select(e => $"{e.Id} {e.Genome} {e.Result.Status} {string.Join(",", e.Result.Objectives ?? [])}"));

    [Fact]
    public void Hands_each_proposal_out_once_and_says_no_work_yet_at_a_generation_barrier()
    {
        var c = NewCoordinator();
        var jobs = Enumerable.Range(0, 8).Select(_ => Assert.IsType<Job>(c.Offer("w"))).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), jobs.Select(j => j.ProposalId));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempt));
        Assert.Equal(8, jobs.Select(j => j.Seed).Distinct().Count());
        var wait = Assert.IsType<NoWorkYet>(c.Offer("w"));
        Assert.False(wait.RunComplete);

        // Seven of eight results do not open the next generation; the eighth does.
        foreach (var j in jobs.Skip(1)) c.Apply(c.Record(Evaluate(j)));
        Assert.IsType<NoWorkYet>(c.Offer("w"));
        c.Apply(c.Record(Evaluate(jobs[0])));
        Assert.Equal(8, Assert.IsType<Job>(c.Offer("w")).ProposalId);
    }

    [Fact]
    public void A_second_result_for_a_proposal_is_not_new()
    {
        var c = NewCoordinator();
        var job = Assert.IsType<Job>(c.Offer("w"));
        Assert.True(c.IsNew(job.ProposalId));
        c.Apply(c.Record(Evaluate(job)));
        Assert.False(c.IsNew(job.ProposalId));
        Assert.False(c.IsNew(999)); // never proposed
    }

    [Fact]
    public void A_job_past_its_deadline_is_handed_out_again_as_a_new_attempt()
    {
        var c = NewCoordinator();
        var job = Assert.IsType<Job>(c.Offer("slow"));
        Assert.Empty(c.Expired());
        _clock.Advance(TimeSpan.FromMinutes(2));
        var lost = Assert.Single(c.Expired(), l => l.ProposalId == job.ProposalId);
        Assert.False(c.Apply(lost));
        var again = Enumerable.Range(0, 8).Select(_ => c.Offer("fast")).OfType<Job>().Single(j => j.ProposalId == job.ProposalId);
        Assert.Equal(2, again.Attempt);
        Assert.Equal(1, c.StrikesOf(job.ProposalId));
    }

    [Fact]
    public void A_proposal_that_loses_two_workers_is_recorded_as_poison_and_never_handed_out_again()
    {
        var c = NewCoordinator();
        var job = Assert.IsType<Job>(c.Offer("a"));
        Assert.False(c.Apply(Assert.Single(c.LostWith(w => w == "a", "worker stopped"))));
        Job retry;
        do retry = Assert.IsType<Job>(c.Offer("b")); while (retry.ProposalId != job.ProposalId);
        var crash = c.Crashed(new JobFailed("run", job.ProposalId, "b", "boom"));
        Assert.NotNull(crash);
        Assert.True(c.Apply(crash));

        Assert.False(c.IsNew(job.ProposalId));
        Assert.Equal(1, c.Poisoned);
        Assert.DoesNotContain(c.InFlight, j => j.ProposalId == job.ProposalId);
        for (int i = 0; i < 20; i++) Assert.False(c.Offer("b") is Job j && j.ProposalId == job.ProposalId);
        // Applied in its turn as Failed "poison".
        Assert.Contains("poison", c.Engine.Archive.Entries.Single(e => e.Id == job.ProposalId).Result.Reason);
    }

    [Fact]
    public void A_crash_report_from_a_worker_that_no_longer_holds_the_job_is_ignored()
    {
        var c = NewCoordinator();
        var job = Assert.IsType<Job>(c.Offer("a"));
        Assert.Null(c.Crashed(new JobFailed("run", job.ProposalId, "someone-else", "boom")));
        Assert.NotNull(c.Crashed(new JobFailed("run", job.ProposalId, "a", "boom")));
    }

    [Fact]
    public void An_accepted_report_with_the_wrong_number_of_objectives_is_stored_as_failed()
    {
        var c = NewCoordinator();
        var job = Assert.IsType<Job>(c.Offer("w"));
        var bad = new JobResult("run", job.ProposalId, "w", 1, SampleMessages.Report with { Result = ResultData.From(EvaluationResult.Accept(1, 2, 3)) });
        var e = c.Record(bad);
        Assert.Equal(ResultStatus.Failed, e.Report.Result.Status);
        c.Apply(e); // must not throw, now or on replay
    }

    [Fact]
    public void Snapshot_plus_later_events_in_proposal_order_then_requeue_continues_the_same_search()
    {
        // Reference: one coordinator, results in hand-out order, to the end.
        var reference = NewCoordinator();
        Drive(reference, _ => { });

        // Same search, interrupted: results arrive shuffled; snapshot after 13 results, 9 more events, then a "crash".
        var live = NewCoordinator();
        var events = new List<ResultRecorded>();
        CoordinatorSnapshot? snapshot = null;
        var rng = new Rng(3);
        var held = new List<Job>();
        while (events.Count < 22)
        {
            while (live.Offer("w") is Job j) held.Add(j);
            rng.Shuffle(held);
            var job = held[^1];
            held.RemoveAt(held.Count - 1);
            var e = live.Record(Evaluate(job));
            live.Apply(e);
            if (events.Count == 13) snapshot = live.Snapshot();
            events.Add(e);
        }

        var resumed = SearchCoordinator.FromSnapshot(TestSpaces.Zdt1(5, 40), "run", snapshot!, Settings, _clock);
        // Proposal order, not arrival order: a proposal exists only once the results before it are applied.
        foreach (var e in events.Skip(14).OrderBy(e => e.ProposalId)) resumed.Apply(e);
        resumed.RequeueAllPending();
        Assert.All(events, e => Assert.False(resumed.IsNew(e.ProposalId)));
        // Exactly the jobs that were out at the crash are handed out again; nothing with a result is.
        var offered = new List<long>();
        Drive(resumed, j => offered.Add(j.ProposalId));
        Assert.NotEmpty(held);
        Assert.Equal(held.Select(j => j.ProposalId).Order(), offered.Take(held.Count).Order());
        Assert.Empty(offered.Intersect(events.Select(e => e.ProposalId)));
        Assert.Equal(offered.Count, offered.Distinct().Count());

        Assert.True(resumed.Engine.IsDone);
        Assert.Equal(ArchiveText(reference), ArchiveText(resumed));
        // Learned scalars of front members survive the snapshot (the fake learns x0, which is objective f1).
        Assert.All(resumed.Status(0).Front, f => Assert.Equal(f.Objectives[0], f.Learned!["x0"]));
    }

    private void Drive(SearchCoordinator c, Action<Job> seen)
    {
        while (!c.Engine.IsDone)
        {
            var jobs = new List<Job>();
            while (c.Offer("w") is Job j) jobs.Add(j);
            Assert.NotEmpty(jobs);
            foreach (var j in jobs)
            {
                seen(j);
                c.Apply(c.Record(Evaluate(j)));
            }
        }
    }
}
