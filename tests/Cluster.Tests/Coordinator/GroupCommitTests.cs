using Akka.TestKit.Xunit2;
using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Coordinator;

/// <summary>
/// The coordinator stores results in group writes: whatever arrives during a write goes into the
/// next one, and no result is acknowledged, nor work handed out past it, before its write is done.
/// </summary>
[Collection("gated-journal")]
public sealed class GroupCommitTests() : TestKit(GatedJournal.Config)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private readonly FakeEvaluator _evaluator = new(1, 0);

    private JobResult Evaluate(Job job) =>
        new(job.RunId, job.ProposalId, "w", job.Attempt, ReportData.From(_evaluator.Evaluate(job.ToEvaluationJob(), _evaluator, CancellationToken.None)));

    [Fact]
    public void Results_are_acknowledged_only_after_their_group_write_and_those_arriving_meanwhile_share_the_next_write()
    {
        GatedJournal.Reset();
        var coordinator = Sys.ActorOf(CoordinatorActor.Props(TestSpaces.Zdt1(5, 40), "run", new CoordinatorSettings()));
        var worker = CreateTestProbe();
        coordinator.Tell(new RequestJobs("w", 4), worker);
        var jobs = worker.ExpectMsg<JobBatch>().Jobs;
        Assert.Equal([0L, 1, 2, 3], jobs.Select(j => j.ProposalId));

        // The first result starts a write, held at the gate; the others, and a resend of the first, arrive meanwhile.
        coordinator.Tell(new ResultBatch([Evaluate(jobs[0])]), worker);
        coordinator.Tell(new ResultBatch(jobs.Skip(1).Select(Evaluate).ToArray()), worker);
        coordinator.Tell(new ResultBatch([Evaluate(jobs[0])]), worker);
        coordinator.Tell(new RequestJobs("w", 4), worker);
        worker.ExpectNoMsg(Quiet);

        GatedJournal.Release();
        // Result 0 is acknowledged once (its resend waited with it); the request waits for the results sent before it.
        Assert.Equal([0L], worker.ExpectMsg<ResultAcks>().ProposalIds);
        worker.ExpectNoMsg(Quiet);

        GatedJournal.Release();
        Assert.Equal([1L, 2, 3], worker.ExpectMsg<ResultAcks>().ProposalIds);
        Assert.Equal([4L, 5, 6, 7], worker.ExpectMsg<JobBatch>().Jobs.Select(j => j.ProposalId));
        Assert.Equal([1, 3], GatedJournal.Completed);

        coordinator.Tell(GetStatus.Instance, worker);
        Assert.Equal(4, worker.ExpectMsg<StatusReport>().Done);
    }

    [Fact]
    public void A_repeat_of_a_stored_result_is_acknowledged_at_once_without_a_write()
    {
        GatedJournal.Reset();
        var coordinator = Sys.ActorOf(CoordinatorActor.Props(TestSpaces.Zdt1(5, 40), "run", new CoordinatorSettings()));
        var worker = CreateTestProbe();
        coordinator.Tell(new RequestJobs("w", 1), worker);
        var result = Evaluate(worker.ExpectMsg<JobBatch>().Jobs.Single());
        coordinator.Tell(new ResultBatch([result]), worker);
        GatedJournal.Release();
        Assert.Equal([0L], worker.ExpectMsg<ResultAcks>().ProposalIds);

        coordinator.Tell(new ResultBatch([result]), worker);
        Assert.Equal([0L], worker.ExpectMsg<ResultAcks>().ProposalIds);
        Assert.Equal([1], GatedJournal.Completed);
    }
}
