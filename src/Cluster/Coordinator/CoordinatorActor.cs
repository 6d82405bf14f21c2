using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence;
using Cluster.Protocol;
using Cluster.Protocol.Journal;
using Cluster.Spaces;
using Search.Engine;

namespace Cluster.Coordinator;

/// <summary>
/// The thin persistent shell around <see cref="SearchCoordinator"/>: recovers (snapshot, then
/// later events), persists each result BEFORE acknowledging it and telling the engine, snapshots
/// every N results, watches workers and cluster members, and checks deadlines. Runs as a cluster
/// singleton; publishes a <see cref="StatusReport"/> on the event stream after each result, and hands
/// the evaluations the engine applied since the last report to <c>onApplied</c> (after recovery: all
/// of them, so a listener that keeps a history skips what it has).
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private sealed record CheckDeadlines { public static readonly CheckDeadlines Instance = new(); }

    private readonly SearchSpace _space;
    private readonly string _runId;
    private readonly CoordinatorSettings _settings;
    private readonly Action<StatusReport>? _onStatus;
    private readonly Action<IReadOnlyList<ArchiveEntry>>? _onApplied;
    // Archive entries already handed to _onApplied (the archive holds every applied evaluation in id order).
    private int _reported;
    private readonly Dictionary<string, IActorRef> _workers = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private SearchCoordinator? _domain;
    private int _sinceSnapshot;
    private readonly WorkerPresence _presence;

    /// <param name="persistenceId">The run's journal key; null: <see cref="PersistenceIdOf"/> the run id.</param>
    public CoordinatorActor(SearchSpace space, string runId, CoordinatorSettings settings, Action<StatusReport>? onStatus,
        Action<IReadOnlyList<ArchiveEntry>>? onApplied = null, string? persistenceId = null)
    {
        (_space, _runId, _settings, _onStatus, _onApplied) = (space, runId, settings, onStatus, onApplied);
        PersistenceId = persistenceId ?? PersistenceIdOf(runId);
        _presence = new WorkerPresence(settings.NoWorkerNotice, TimeProvider.System);

        Recover<SnapshotOffer>(o => _domain = SearchCoordinator.FromSnapshot(_space, _runId, (CoordinatorSnapshot)o.Snapshot, _settings, TimeProvider.System));
        Recover<ResultRecorded>(e => Domain.Apply(e));
        Recover<JobLost>(e => Domain.Apply(e));
        Recover<RecoveryCompleted>(_ => Started());

        Command<RequestWork>(OnRequestWork);
        Command<JobResult>(OnResult);
        Command<JobFailed>(OnFailed);
        Command<EquivalenceQuery>(q => Sender.Tell(Domain.Lookup(q.Fingerprint)));
        Command<GetStatus>(_ => Sender.Tell(Status()));
        Command<CheckDeadlines>(_ =>
        {
            PersistLost(Domain.Expired());
            if (_presence.Check(Domain.Engine.IsDone)) Publish();
        });
        Command<Terminated>(t => WorkerGone(w => w.Equals(t.ActorRef), "worker stopped"));
        Command<ClusterEvent.UnreachableMember>(m => WorkerGone(w => w.Path.Address == m.Member.Address, "node unreachable"));
        Command<ClusterEvent.MemberRemoved>(m => WorkerGone(w => w.Path.Address == m.Member.Address, "node left"));
        Command<ClusterEvent.IMemberEvent>(_ => { });
        Command<ClusterEvent.CurrentClusterState>(_ => { });
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "snapshot failed; the journal still holds every result"));
    }

    public override string PersistenceId { get; }
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The journal key of a run whose store is its own (SQLite in its directory).</summary>
    public static string PersistenceIdOf(string runId) => "search-run-" + runId;

    public static Props Props(SearchSpace space, string runId, CoordinatorSettings settings, Action<StatusReport>? onStatus = null,
        Action<IReadOnlyList<ArchiveEntry>>? onApplied = null, string? persistenceId = null) =>
        Akka.Actor.Props.Create(() => new CoordinatorActor(space, runId, settings, onStatus, onApplied, persistenceId));

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Error(reason, "run {0} cannot be recovered", _runId);
        Context.System.EventStream.Publish(new CoordinatorFailed(_runId, reason));
        base.OnRecoveryFailure(reason, message);
    }

    // Created lazily: a snapshot offer (if any) comes before the first event.
    private SearchCoordinator Domain => _domain ??= SearchCoordinator.Create(_space, _runId, _settings, TimeProvider.System);

    private void Started()
    {
        int requeued = Domain.RequeueAllPending();
        if (requeued > 0) _log.Info("recovered run {0}: requeued {1} proposals that had no result", _runId, requeued);
        Timers.StartPeriodicTimer("deadlines", CheckDeadlines.Instance, _settings.DeadlineCheck);
        if (Context.System is ExtendedActorSystem sys && sys.Provider is Akka.Cluster.ClusterActorRefProvider)
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
                typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));
        Publish();
    }

    private void OnRequestWork(RequestWork r)
    {
        if (!_workers.ContainsKey(r.WorkerId))
        {
            _workers[r.WorkerId] = Sender;
            Context.Watch(Sender);
            if (_presence.Workers(_workers.Count)) Publish();
        }
        Sender.Tell(Domain.Offer(r.WorkerId));
    }

    private void OnResult(JobResult r)
    {
        if (r.RunId != _runId || !Domain.IsNew(r.ProposalId))
        {
            Domain.CountDuplicate();
            Sender.Tell(new ResultAck(r.ProposalId, Duplicate: true));
            return;
        }
        var sender = Sender;
        Persist(Domain.Record(r), e =>
        {
            Domain.Apply(e);
            sender.Tell(new ResultAck(e.ProposalId, Duplicate: false));
            if (++_sinceSnapshot >= _settings.SnapshotEvery || Domain.Engine.IsDone) TakeSnapshot();
            Publish();
        });
    }

    private void OnFailed(JobFailed f)
    {
        var sender = Sender;
        if (Domain.Crashed(f) is not { } lost)
        {
            sender.Tell(new ResultAck(f.ProposalId, Duplicate: true));
            return;
        }
        PersistLost([lost], () => sender.Tell(new ResultAck(f.ProposalId, Duplicate: false)));
    }

    private void WorkerGone(Func<IActorRef, bool> match, string why)
    {
        var gone = _workers.Where(kv => match(kv.Value)).Select(kv => kv.Key).ToHashSet();
        foreach (var id in gone) _workers.Remove(id);
        if (gone.Count == 0) return;
        _presence.Workers(_workers.Count);
        PersistLost(Domain.LostWith(gone.Contains, why));
    }

    private void PersistLost(IReadOnlyList<JobLost> lost, Action? then = null)
    {
        if (lost.Count == 0) return;
        PersistAll(lost, e =>
        {
            then?.Invoke();
            if (Domain.Apply(e)) _log.Warning("proposal {0} is poison ({1}); recorded as failed", e.ProposalId, e.Why);
            else _log.Info("proposal {0} requeued: {1}", e.ProposalId, e.Why);
            Publish();
        });
    }

    private void TakeSnapshot()
    {
        _sinceSnapshot = 0;
        SaveSnapshot(Domain.Snapshot());
    }

    private StatusReport Status() => Domain.Status(_workers.Count, _presence.Notice);

    private void Publish()
    {
        ReportApplied();
        var status = Status();
        // Reporting must never take the coordinator down (and with it the run).
        try { _onStatus?.Invoke(status); }
        catch (Exception e) { _log.Warning(e, "status report failed"); }
        Context.System.EventStream.Publish(status);
    }

    private void ReportApplied()
    {
        if (_onApplied is null) return;
        var entries = Domain.Engine.Archive.Entries;
        if (entries.Count <= _reported) return;
        var fresh = new ArchiveEntry[entries.Count - _reported];
        for (int i = 0; i < fresh.Length; i++) fresh[i] = entries[_reported + i];
        _reported = entries.Count;
        // Like status reports: a history that cannot be written must not stop the run.
        try { _onApplied(fresh); }
        catch (Exception e) { _log.Warning(e, "history report failed"); }
    }
}
