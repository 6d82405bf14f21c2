using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Coordinator;

/// <summary>The space's wall_time_seconds guard ends the search before its evaluation budget.</summary>
public sealed class WallTimeTests
{
    [Fact]
    public void The_first_result_after_the_limit_ends_the_run_before_its_budget()
    {
        var clock = new ManualClock();
        var evaluator = new FakeEvaluator(1, 0);
        var space = TestSpaces.Zdt1(5, 40) with { WallTime = TimeSpan.FromMinutes(10) };
        var c = SearchCoordinator.Create(space, "run", new CoordinatorSettings(), clock);
        JobResult Evaluate(Job job) => new(job.RunId, job.ProposalId, "w", job.Attempt,
            ReportData.From(evaluator.Evaluate(job.ToEvaluationJob(), evaluator, CancellationToken.None)));

        var jobs = Enumerable.Range(0, 8).Select(_ => Assert.IsType<Job>(c.Offer("w"))).ToList();
        foreach (var j in jobs.Take(3)) c.Apply(c.Record(Evaluate(j)));
        Assert.False(c.Engine.IsDone);
        clock.Advance(TimeSpan.FromMinutes(11));
        c.Apply(c.Record(Evaluate(jobs[3])));
        Assert.True(c.Engine.IsDone);
        Assert.True(Assert.IsType<NoWorkYet>(c.Offer("w")).RunComplete);
        Assert.Equal(4, c.Engine.Counters.Applied);
    }
}
