using Akka.TestKit.Xunit2;
using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.TestHost;
using Cluster.Tests.Support;
using Cluster.Workers;

namespace Cluster.Tests.Workers;

/// <summary>
/// A slot sends the results of fast evaluations together: a finished result waits (up to the
/// linger) while the slot runs its next queued job, and everything goes as soon as the slot has
/// nothing left to run (or half its credit is waiting). One batch means one journal write at the
/// coordinator instead of two.
/// </summary>
public sealed class ResultLingerTests : TestKit
{
    private static JobBatch Jobs(int count) =>
        (JobBatch)SearchCoordinator.Create(TestSpaces.Zdt1(5, 40), "run", new CoordinatorSettings(), TimeProvider.System).OfferBatch("w", count);

    private JobResult[] FirstResults(TimeSpan linger, int maxDelayMs, int prefetch = 64)
    {
        var coordinator = CreateTestProbe();
        var settings = new WorkerSettings { Prefetch = prefetch, ResultLinger = linger, AckTimeout = TimeSpan.FromMinutes(1) };
        Sys.ActorOf(EvaluatorWorker.Props(coordinator, new FakeEvaluator(5, maxDelayMs), settings));
        coordinator.ExpectMsg<RequestJobs>();
        coordinator.Reply(Jobs(8));
        return coordinator.FishForMessage<ResultBatch>(_ => true, TimeSpan.FromSeconds(20)).Results;
    }

    [Fact]
    public void Fast_results_go_back_in_one_batch_when_the_queue_drains_long_before_the_linger()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = FirstResults(TimeSpan.FromSeconds(10), 0);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), results.Select(r => r.ProposalId));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"sent after {clock.Elapsed}: waited for the linger instead of the drained queue");
    }

    [Fact]
    public void Half_the_credit_in_results_goes_at_once_while_the_rest_run()
    {
        // Credit 8, 8 fast jobs: the first four results go as soon as they are done, so the coordinator stores them meanwhile.
        var results = FirstResults(TimeSpan.FromSeconds(10), 0, prefetch: 8);
        Assert.Equal([0L, 1, 2, 3], results.Select(r => r.ProposalId));
    }

    [Fact]
    public void Without_a_linger_the_first_result_goes_alone()
    {
        var results = FirstResults(TimeSpan.Zero, 20);
        Assert.Equal([0L], results.Select(r => r.ProposalId));
    }

    [Fact]
    public void Slow_evaluations_do_not_hold_a_finished_result_past_the_linger()
    {
        // Each job sleeps up to 400 ms: the first result goes once the 50 ms linger ends, before the other seven finish.
        var results = FirstResults(TimeSpan.FromMilliseconds(50), 400);
        Assert.InRange(results.Length, 1, 7);
        Assert.Equal(0L, results[0].ProposalId);
    }
}
