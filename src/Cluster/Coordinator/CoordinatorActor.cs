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
/// later events), persists each result BEFORE acknowledging it and telling the engine (results
/// that arrive during a write are stored together in the next one: group commit), snapshots
/// every N results, watches workers and cluster members, and checks deadlines. Requests for work
/// wait while results are being written, so a job is always offered by an engine that has seen
/// every result received before the request; a slot's request for several jobs that finds none
/// (a generation barrier) is held until work appears instead of being told to come back later. Runs as a cluster singleton; publishes a
/// <see cref="StatusReport"/> on the event stream after results (at most every
/// <see cref="CoordinatorSettings.PublishInterval"/>, and always when the run is done), and hands
/// the evaluations the engine applied since the last report to <c>onApplied</c> (after recovery: all
/// of them, so a listener that keeps a history skips what it has).
/// </summary>
public sealed class CoordinatorActor : ReceivePersistentActor, IWithTimers
{
    private sealed record CheckDeadlines { public static readonly CheckDeadlines Instance = new(); }
    private sealed record PublishDue { public static readonly PublishDue Instance = new(); }
    private sealed record WriteEnded { public static readonly WriteEnded Instance = new(); }
    private sealed record WorkRequest(IActorRef Sender, string WorkerId, int Count, bool Batched);

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
    private readonly PendingResults _pending = new();
    // Requests for work that came while results were being written, with the write that stores every
    // result received before them; answered once that write is done and applied.
    private readonly List<(WorkRequest Request, long AfterWrite)> _deferred = new();
    // Batch requests that found no work (a generation barrier), by worker: answered as soon as there is some.
    private readonly Dictionary<string, WorkRequest> _parked = new();
    private readonly System.Diagnostics.Stopwatch _sincePublish = System.Diagnostics.Stopwatch.StartNew();
    private bool _publishScheduled;

    /// <param name="persistenceId">The run's journal key; null: <see cref="PersistenceIdOf"/> the run id.</param>
    public CoordinatorActor(SearchSpace space, string runId, CoordinatorSettings settings, Action<StatusReport>? onStatus,
        Action<IReadOnlyList<ArchiveEntry>>? onApplied = null, string? persistenceId = null)
    {
        (_space, _runId, _settings, _onStatus, _onApplied) = (space, runId, settings, onStatus, onApplied);
        PersistenceId = persistenceId ?? PersistenceIdOf(runId);
        _presence = new WorkerPresence(settings.NoWorkerNotice, TimeProvider.System);

        Recover<SnapshotOffer>(o => _domain = SearchCoordinator.FromSnapshot(_space, _runId, (CoordinatorSnapshot)o.Snapshot, _settings, TimeProvider.System));
        Recover<ResultRecorded>(e => Domain.Apply(e));
        Recover<ResultsRecorded>(e =>
        {
            foreach (var r in e.Results) Domain.Apply(r);
        });
        Recover<JobLost>(e => Domain.Apply(e));
        Recover<RecoveryCompleted>(_ => Started());

        Command<RequestWork>(r => OnRequestWork(new WorkRequest(Sender, r.WorkerId, 1, Batched: false)));
        Command<RequestJobs>(r => OnRequestWork(new WorkRequest(Sender, r.WorkerId, r.Count, Batched: true)));
        Command<JobResult>(r =>
        {
            if (!Take(r, Sender, batched: false)) Sender.Tell(new ResultAck(r.ProposalId, Duplicate: true));
            StartWrite();
        });
        Command<ResultBatch>(b =>
        {
            var stored = b.Results.Where(r => !Take(r, Sender, batched: true)).Select(r => r.ProposalId).ToArray();
            if (stored.Length > 0) Sender.Tell(new ResultAcks(stored));
            StartWrite();
        });
        Command<PublishDue>(_ => { _publishScheduled = false; Publish(); });
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

    private void OnRequestWork(WorkRequest r)
    {
        if (!_workers.ContainsKey(r.WorkerId))
        {
            _workers[r.WorkerId] = r.Sender;
            Context.Watch(r.Sender);
            if (_presence.Workers(_workers.Count)) Publish();
        }
        // A slot that asks again (its request timed out) replaces its earlier request: it gets one answer.
        _parked.Remove(r.WorkerId);
        int earlier = _deferred.FindIndex(d => d.Request.WorkerId == r.WorkerId);
        if (earlier >= 0) _deferred.RemoveAt(earlier);
        if (_pending.Writing) _deferred.Add((r, _pending.StoresAllSoFar));
        else Answer(r);
    }

    private void Answer(WorkRequest r)
    {
        var offer = r.Batched ? Domain.OfferBatch(r.WorkerId, r.Count) : Domain.Offer(r.WorkerId);
        // Only slots that ask for batches wait here: a single-job request gets NoWorkYet as it always did.
        if (r.Batched && offer is NoWorkYet { RunComplete: false }) _parked[r.WorkerId] = r;
        else r.Sender.Tell(offer);
    }

    /// <summary>Answers the parked requests again, after results or requeues may have made work.</summary>
    private void ServeParked()
    {
        if (_parked.Count == 0) return;
        var waiting = _parked.Values.ToArray();
        _parked.Clear();
        foreach (var r in waiting) Answer(r);
    }

    /// <summary>Queues a new result for the next write; false when it is already stored (a repeat, or another run's).</summary>
    private bool Take(JobResult r, IActorRef sender, bool batched)
    {
        if (r.RunId == _runId && _pending.Holds(r.ProposalId))
        {
            _pending.AlsoWaiting(r.ProposalId, sender, batched);
            return true;
        }
        if (r.RunId != _runId || !Domain.IsNew(r.ProposalId))
        {
            Domain.CountDuplicate();
            return false;
        }
        _pending.Add(Domain.Record(r), sender, batched);
        return true;
    }

    /// <summary>One journal write for every result queued since the last one (none while a write is in progress).</summary>
    private void StartWrite()
    {
        if (_pending.StartWrite() is not { } events) return;
        PersistAsync(new ResultsRecorded(events), written =>
        {
            foreach (var e in written.Results)
            {
                Domain.Apply(e);
                _pending.Stored(e.ProposalId);
            }
            _sinceSnapshot += written.Results.Length;
            if (_sinceSnapshot >= SnapshotSpacing || Domain.Engine.IsDone) TakeSnapshot();
        });
        DeferAsync(WriteEnded.Instance, _ =>
        {
            _pending.WriteDone();
            var due = _deferred.Where(d => d.AfterWrite <= _pending.Completed).ToArray();
            _deferred.RemoveAll(d => d.AfterWrite <= _pending.Completed);
            foreach (var (r, _) in due) Answer(r);
            ServeParked();
            PublishSoon();
            StartWrite();
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
        foreach (var id in gone)
        {
            _workers.Remove(id);
            _parked.Remove(id);
        }
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
            ServeParked();
            PublishSoon();
        });
    }

    private long SnapshotSpacing => Math.Max(_settings.SnapshotEvery, (long)(Domain.Engine.Counters.Applied * _settings.SnapshotFraction));

    private void TakeSnapshot()
    {
        _sinceSnapshot = 0;
        SaveSnapshot(Domain.Snapshot());
    }

    private StatusReport Status() => Domain.Status(_workers.Count, _presence.Notice);

    /// <summary>Publishes now when the run is done or the last report is old enough, otherwise once it is.</summary>
    private void PublishSoon()
    {
        var wait = _settings.PublishInterval - _sincePublish.Elapsed;
        if (Domain.Engine.IsDone || wait <= TimeSpan.Zero) Publish();
        else if (!_publishScheduled)
        {
            _publishScheduled = true;
            Timers.StartSingleTimer("publish", PublishDue.Instance, wait);
        }
    }

    private void Publish()
    {
        _sincePublish.Restart();
        if (_publishScheduled) Timers.Cancel("publish");
        _publishScheduled = false;
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
