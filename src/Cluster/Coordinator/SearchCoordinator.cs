using Cluster.Protocol;
using Cluster.Protocol.Data;
using Cluster.Protocol.Journal;
using Cluster.Spaces;
using MessagePack;
using Search.Core;
using Search.Engine;
using Search.State;

namespace Cluster.Coordinator;

/// <summary>
/// The coordinator's domain, without Akka: the engine, the jobs in flight, strikes against
/// proposals that break workers. Commands (<see cref="Offer"/>, <see cref="Record"/>,
/// <see cref="Expired"/>, ...) decide; events (<see cref="Apply(ResultRecorded)"/>,
/// <see cref="Apply(JobLost)"/>) change state, and replaying the same events over the same
/// snapshot gives the same state. Jobs in flight are not state: after a restart every proposal
/// without a result is requeued (<see cref="RequeueAllPending"/>).
/// </summary>
public sealed class SearchCoordinator
{
    private static readonly MessagePackSerializerOptions EngineOptions =
        MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData);

    // Converted once: every job of a rung carries the same plan (one rung without multi-fidelity).
    private readonly PlanData[] _plans;
    // The run's family section and its fingerprint: workers compile with exactly this space.
    private readonly string _familySpace;
    private readonly ulong _spaceFingerprint;
    private readonly CoordinatorSettings _settings;
    private readonly TimeProvider _clock;
    private readonly Dictionary<long, InFlightJob> _inFlight = new();
    private readonly Dictionary<long, int> _attempts = new();
    private readonly Dictionary<long, int> _strikes;
    private readonly HashSet<long> _done;
    // Results recorded (being written) but not applied yet: their jobs are not lost whatever happens to the worker now.
    private readonly HashSet<long> _recording = new();
    // Metrics and learned scalars of results not yet applied or on the front; the rest is dropped (the journal keeps all).
    private readonly Dictionary<long, ResultDetails> _details = new();

    private SearchCoordinator(SearchSpace space, string runId, SearchEngine<IGenome> engine, CoordinatorSettings settings, TimeProvider clock,
        Dictionary<long, int> strikes, HashSet<long> done, long poisoned)
    {
        settings.Validate();
        (_plans, RunId, Engine, _settings, _clock, _strikes, _done, Poisoned) = (Plans(space), runId, engine, settings, clock, strikes, done, poisoned);
        (_familySpace, _spaceFingerprint) = (space.FamilySpace?.Text ?? "", space.FamilySpace?.Fingerprint ?? 0);
    }

    private static PlanData[] Plans(SearchSpace space) =>
        space.RungPlans.Count == 0 ? [PlanData.From(space.Evaluation)] : space.RungPlans.Select(PlanData.From).ToArray();

    public static SearchCoordinator Create(SearchSpace space, string runId, CoordinatorSettings settings, TimeProvider clock) =>
        new(space, runId, new SearchEngine<IGenome>(space.Family, space.CreateStrategy(), space.Objectives, space.Engine, stopWhen: StopWhen(space, clock)),
            settings, clock, new(), new(), 0);

    /// <summary>
    /// The space's wall-time guard, counted from when this coordinator starts: a resumed run gets the
    /// limit afresh (a stop already reached is kept in the engine's state).
    /// </summary>
    private static Func<EngineProgress, bool>? StopWhen(SearchSpace space, TimeProvider clock) =>
        space.CreateTermination(new ProviderClock(clock))?.ToStopPredicate();

    /// <summary>Restores the engine from a snapshot (refused with IncompatibleStateException if it belongs to another search).</summary>
    public static SearchCoordinator FromSnapshot(SearchSpace space, string runId, CoordinatorSnapshot snapshot, CoordinatorSettings settings, TimeProvider clock)
    {
        var state = MessagePackSerializer.Deserialize<EngineState>(snapshot.Engine, EngineOptions);
        var engine = SearchEngine<IGenome>.FromState(state, space.Family, space.CreateStrategy(), space.Objectives, space.Engine,
            stopWhen: StopWhen(space, clock), source: $"snapshot of run {runId}");
        var done = state.Archive.Select(e => e.Id).Concat(state.Buffered.Select(b => b.Id)).ToHashSet();
        var c = new SearchCoordinator(space, runId, engine, settings, clock, new(snapshot.Strikes), done, snapshot.Poisoned);
        foreach (var (id, d) in snapshot.Details ?? []) c._details[id] = d;
        return c;
    }

    public string RunId { get; }
    public SearchEngine<IGenome> Engine { get; }
    public long Poisoned { get; private set; }
    /// <summary>Results for proposals that already had one (a requeued job that finished twice), ignored; not persisted.</summary>
    public long Duplicates { get; private set; }
    public IReadOnlyCollection<InFlightJob> InFlight => _inFlight.Values;
    public int StrikesOf(long id) => _strikes.GetValueOrDefault(id);

    /// <summary>The next queued proposal as a job for this worker, or NoWorkYet (a generation barrier, or the end).</summary>
    public IClusterMessage Offer(string workerId)
    {
        var batch = Engine.Ask(1);
        return batch.Count == 0 ? NoWork() : ToJob(batch[0], workerId);
    }

    /// <summary>Up to <paramref name="count"/> queued proposals as jobs for this worker (in proposal order), or NoWorkYet.</summary>
    public IClusterMessage OfferBatch(string workerId, int count)
    {
        var batch = Engine.Ask(Math.Max(1, count));
        if (batch.Count == 0) return NoWork();
        var jobs = new Job[batch.Count];
        for (int i = 0; i < jobs.Length; i++) jobs[i] = ToJob(batch[i], workerId);
        return new JobBatch(jobs);
    }

    private NoWorkYet NoWork() => new((long)_settings.RetryAfter.TotalMilliseconds, Engine.IsDone);

    private Job ToJob(Proposal<IGenome> p, string workerId)
    {
        int attempt = _attempts[p.Id] = _attempts.GetValueOrDefault(p.Id) + 1;
        var deadline = _clock.GetUtcNow() + _settings.JobTimeout;
        _inFlight[p.Id] = new InFlightJob(p.Id, workerId, attempt, deadline);
        return new Job(RunId, p.Id, Engine.Family.Name, p.Genome.Text, p.EvaluationSeed, _plans[Math.Min(p.Rung, _plans.Length - 1)], deadline.ToUnixTimeMilliseconds(), attempt,
            _familySpace, _spaceFingerprint);
    }

    /// <summary>True when no result for this proposal is stored yet (a repeat or a late second result is not).</summary>
    public bool IsNew(long id) => id >= 0 && id < Engine.Counters.Proposed && !_done.Contains(id);

    public void CountDuplicate() => Duplicates++;

    /// <summary>
    /// The event to persist for a new result. A report the engine could not take (wrong number of
    /// objectives) becomes a Failed result here, so a bad worker can never break a replay.
    /// </summary>
    public ResultRecorded Record(JobResult r)
    {
        var report = r.Report;
        var res = report.Result;
        if (res.Status == ResultStatus.Accepted && res.Objectives?.Length != Engine.Objectives.Count)
            report = report with { Result = ResultData.From(EvaluationResult.Fail(
                $"invalid report: {res.Objectives?.Length ?? 0} objective values, the search has {Engine.Objectives.Count}", res.Seconds)) };
        _recording.Add(r.ProposalId);
        return new ResultRecorded(r.ProposalId, r.WorkerId, r.Attempt, report);
    }

    public TellOutcome Apply(ResultRecorded e)
    {
        _done.Add(e.ProposalId);
        _recording.Remove(e.ProposalId);
        _inFlight.Remove(e.ProposalId);
        Engine.RecordStageStats(e.Report.Counters());
        _details[e.ProposalId] = new ResultDetails(e.Report.Metrics, e.Report.Learned);
        var outcome = Engine.Tell(e.ProposalId, e.Report.Result.ToDomain(), e.Report.Fingerprint?.ToDomain());
        if (outcome == TellOutcome.Applied) PruneDetails();
        return outcome;
    }

    private void PruneDetails()
    {
        var front = Engine.Archive.Front.Select(i => i.Id).ToHashSet();
        long applied = Engine.Counters.Applied;
        foreach (var id in _details.Keys.Where(id => id < applied && !front.Contains(id)).ToArray()) _details.Remove(id);
    }

    /// <summary>Counts a strike; requeues the proposal, or records it as Failed "poison" once it reaches the limit. True when poisoned.</summary>
    public bool Apply(JobLost e)
    {
        if (_done.Contains(e.ProposalId)) return false;
        if (_inFlight.TryGetValue(e.ProposalId, out var held) && held.WorkerId == e.WorkerId) _inFlight.Remove(e.ProposalId);
        int strikes = _strikes[e.ProposalId] = _strikes.GetValueOrDefault(e.ProposalId) + 1;
        if (strikes < _settings.PoisonStrikes)
        {
            Engine.Requeue(e.ProposalId);
            return false;
        }
        _done.Add(e.ProposalId);
        _inFlight.Remove(e.ProposalId);
        Poisoned++;
        Engine.Tell(e.ProposalId, EvaluationResult.Fail($"poison: lost {strikes} times, last: {e.Why}"));
        return true;
    }

    /// <summary>Jobs past their deadline, as events to persist.</summary>
    public IReadOnlyList<JobLost> Expired()
    {
        var now = _clock.GetUtcNow();
        return _inFlight.Values.Where(j => j.Deadline <= now && !_recording.Contains(j.ProposalId))
            .Select(j => new JobLost(j.ProposalId, j.WorkerId, $"no result by the deadline (attempt {j.Attempt})")).ToArray();
    }

    /// <summary>Jobs held by workers that match (a dead actor, or every worker of a node that left).</summary>
    public IReadOnlyList<JobLost> LostWith(Func<string, bool> holder, string why) =>
        _inFlight.Values.Where(j => holder(j.WorkerId) && !_recording.Contains(j.ProposalId)).Select(j => new JobLost(j.ProposalId, j.WorkerId, why)).ToArray();

    /// <summary>A crash report counts only from the worker that holds the job now.</summary>
    public JobLost? Crashed(JobFailed f) =>
        _inFlight.TryGetValue(f.ProposalId, out var j) && j.WorkerId == f.WorkerId && !_done.Contains(f.ProposalId) && !_recording.Contains(f.ProposalId)
            ? new JobLost(f.ProposalId, f.WorkerId, $"evaluator crashed: {f.Error}") : null;

    /// <summary>After recovery: whatever was handed out before the restart has no holder any more.</summary>
    public int RequeueAllPending()
    {
        _inFlight.Clear();
        return Engine.Pending.Count(p => Engine.Requeue(p.Id));
    }

    public EquivalenceAnswer Lookup(FingerprintData fingerprint) =>
        new(fingerprint, fingerprint.IsFinite && Engine.TryReuse(fingerprint.ToDomain(), out var result) ? ResultData.From(result) : null);

    public CoordinatorSnapshot Snapshot() => new(Engine.SaveBytes(), new(_strikes), Poisoned, new(_details));

    public StatusReport Status(int workers, string? notice = null)
    {
        var c = Engine.Counters;
        var entries = Engine.Archive.Entries;
        var front = Engine.Archive.Front.Select(i => _details.TryGetValue(i.Id, out var d)
            ? new FrontMember(i.Id, i.Genome.Text, i.Result.Objectives ?? [], d.Metrics, d.Learned, entries[(int)i.Id].Rung)
            : new FrontMember(i.Id, i.Genome.Text, i.Result.Objectives ?? [], Rung: entries[(int)i.Id].Rung)).ToArray();
        long total = Engine.Settings.MaxEvaluations;
        return new StatusReport(RunId, c.Applied, total, c.Accepted, c.Rejected, c.Failed,
            c.RejectedByStage.ToDictionary(n => n.Name, n => n.Count), front, _inFlight.Count, workers, Engine.IsDone, c.Duplicates + Duplicates, Poisoned,
            StageStatsData.From(c.Stages.Stages), RungTable(), notice);
    }

    /// <summary>The rung table of a multi-fidelity run (null without rungs).</summary>
    private RungStatus[]? RungTable()
    {
        if (Engine.Settings.Fidelity is not { } fidelity) return null;
        var objective = Engine.Objectives.Items[fidelity.RankObjective];
        var ladder = Engine.Rungs;
        // One pass over the archive: trainings and best ranking value per rung (accepted counts come from the ladder).
        var evaluated = new long[fidelity.Rungs];
        var best = new double?[fidelity.Rungs];
        foreach (var e in Engine.Archive.Entries)
        {
            evaluated[e.Rung]++;
            if (e.Result.Status != EvaluationStatus.Accepted) continue;
            double v = e.Result.Objectives![fidelity.RankObjective];
            if (best[e.Rung] is not { } b || objective.ToMinimized(v) < objective.ToMinimized(b)) best[e.Rung] = v;
        }
        return Enumerable.Range(0, fidelity.Rungs).Select(r =>
            new RungStatus(r, _plans[r].Epochs, _plans[r].Seeds, evaluated[r], ladder[r].Accepted, ladder[r].Promoted, objective.Name, best[r])).ToArray();
    }
}
