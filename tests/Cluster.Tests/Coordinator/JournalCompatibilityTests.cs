using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit.Xunit2;
using Cluster.Coordinator;
using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Coordinator;

/// <summary>
/// The coordinator stores each group commit as one <see cref="ResultsRecorded"/> event; journals
/// written before that hold one <see cref="ResultRecorded"/> per result. A run resumes from either.
/// </summary>
public sealed class JournalCompatibilityTests() : TestKit("akka.persistence.journal.plugin = \"akka.persistence.journal.inmem\"\nakka.persistence.snapshot-store.plugin = \"akka.persistence.snapshot-store.inmem\"")
{
    /// <summary>Writes events under a persistence id the way an older coordinator did, then stops.</summary>
    private sealed class OldWriter : ReceivePersistentActor
    {
        public OldWriter(string persistenceId, object[] events)
        {
            PersistenceId = persistenceId;
            Command<string>(_ => PersistAll(events, _ => { }), s => s == "write");
            Command<bool>(_ => DeferAsync(0, _ => Sender.Tell(true)));
        }

        public override string PersistenceId { get; }
    }

    private readonly FakeEvaluator _evaluator = new(1, 0);

    private ResultRecorded Recorded(Job job) =>
        new(job.ProposalId, "w", job.Attempt, ReportData.From(_evaluator.Evaluate(job.ToEvaluationJob(), _evaluator, CancellationToken.None)));

    private StatusReport StatusOf(IActorRef coordinator)
    {
        coordinator.Tell(GetStatus.Instance, TestActor);
        return ExpectMsg<StatusReport>();
    }

    private void StopAndWait(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
    }

    [Fact]
    public void A_journal_of_single_result_events_resumes_like_one_of_group_events()
    {
        var space = TestSpaces.Zdt1(5, 40);
        var jobs = ((JobBatch)SearchCoordinator.Create(space, "run", new CoordinatorSettings(), TimeProvider.System).OfferBatch("w", 5)).Jobs;
        var results = jobs.Select(Recorded).ToArray();

        // The old form: one event per result.
        var old = Sys.ActorOf(Props.Create(() => new OldWriter("old", results.Cast<object>().ToArray())));
        old.Tell("write");
        old.Tell(true, TestActor);
        ExpectMsg(true);
        StopAndWait(old);

        // The new form, written by a coordinator from the same results.
        var fresh = Sys.ActorOf(CoordinatorActor.Props(space, "run", new CoordinatorSettings(), persistenceId: "new"));
        fresh.Tell(new RequestJobs("w", 5), TestActor);
        ExpectMsg<JobBatch>();
        fresh.Tell(new ResultBatch(results.Select(r => new JobResult("run", r.ProposalId, "w", r.Attempt, r.Report)).ToArray()), TestActor);
        Assert.Equal(results.Select(r => r.ProposalId), ExpectMsg<ResultAcks>().ProposalIds);
        var expected = StatusOf(fresh);
        StopAndWait(fresh);

        var fromOld = StatusOf(Sys.ActorOf(CoordinatorActor.Props(space, "run", new CoordinatorSettings(), persistenceId: "old")));
        var fromNew = StatusOf(Sys.ActorOf(CoordinatorActor.Props(space, "run", new CoordinatorSettings(), persistenceId: "new")));
        Assert.Equal(5, expected.Done);
        Assert.Equal(TestRuns.Describe(expected), TestRuns.Describe(fromOld));
        Assert.Equal(TestRuns.Describe(expected), TestRuns.Describe(fromNew));
    }
}
