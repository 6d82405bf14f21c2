using Search.Core;
using Search.Rejection;

namespace Search.Engine;

/// <summary>
/// Ties a genome family and a strategy into an ask/tell search. Proposals get ids 0, 1, 2, ...;
/// results may be told in any order but reach the strategy strictly in id order, and the engine
/// asks the strategy for more only after construction and after each in-order result, keeping at
/// most <see cref="EngineSettings.Lookahead"/> outstanding. So the whole search is a pure function
/// of (seed, settings, results), whatever the workers did. It never calls an evaluator.
/// Not thread-safe: one coordinator owns it.
/// </summary>
public sealed partial class SearchEngine<TGenome> where TGenome : IGenome
{
    private readonly IStrategy<TGenome> _strategy;
    private readonly StrategyContext<TGenome> _context;
    private readonly RejectionPipeline<TGenome>? _screen;
    private readonly Func<EngineProgress, bool>? _stopWhen;
    private readonly RungLadder? _ladder;

    // Proposed and not yet applied, by id; the queue holds those not handed out (or requeued).
    private readonly SortedDictionary<long, Proposal<TGenome>> _outstanding = new();
    private readonly SortedSet<long> _queue = new();
    private readonly Dictionary<long, BufferedResult> _buffer = new();
    private long _nextId, _nextToApply;
    private bool _stopped;

    /// <param name="screen">Engine-side stages (e.g. <see cref="StructuralValidityStage{TGenome}"/>) run on each new
    /// proposal; a proposal they settle is never handed out and its result is applied in its turn.</param>
    /// <param name="stopWhen">Checked after each applied result; once true no more proposals are made.</param>
    public SearchEngine(IGenomeFamily<TGenome> family, IStrategy<TGenome> strategy, ObjectiveSet objectives, EngineSettings settings,
        RejectionPipeline<TGenome>? screen = null, Func<EngineProgress, bool>? stopWhen = null)
        : this(family, strategy, objectives, settings, screen, stopWhen, new Rng(settings.Seed), new FunctionalEquivalenceCache())
    {
        Advance();
    }

    private SearchEngine(IGenomeFamily<TGenome> family, IStrategy<TGenome> strategy, ObjectiveSet objectives, EngineSettings settings,
        RejectionPipeline<TGenome>? screen, Func<EngineProgress, bool>? stopWhen, Rng rng, FunctionalEquivalenceCache cache)
    {
        settings.Validate();
        settings.Fidelity?.Validate(objectives.Count);
        (Family, _strategy, Objectives, Settings, _screen, _stopWhen, Cache) = (family, strategy, objectives, settings, screen, stopWhen, cache);
        _context = new StrategyContext<TGenome>(family, objectives, rng);
        if (settings.Fidelity is { } fidelity)
        {
            _ladder = new RungLadder(fidelity);
            Archive.TrackRungs();
        }
    }

    public IGenomeFamily<TGenome> Family { get; }
    public IStrategy<TGenome> Strategy => _strategy;
    public ObjectiveSet Objectives { get; }
    public EngineSettings Settings { get; }
    public Archive<TGenome> Archive { get; } = new();
    public EngineCounters Counters { get; private set; } = new();

    /// <summary>Functional-equivalence cache; filled with results told with a fingerprint, as they are applied.</summary>
    public FunctionalEquivalenceCache Cache { get; }

    /// <summary>Proposals made and not yet applied (queued, handed out, or with a buffered result).</summary>
    public int Outstanding => _outstanding.Count;

    /// <summary>Proposals waiting to be handed out by <see cref="Ask"/>.</summary>
    public int Queued => _queue.Count;

    /// <summary>Handed out and still without a result: what a coordinator may <see cref="Requeue"/> if a job was lost.</summary>
    public IReadOnlyList<Proposal<TGenome>> Pending =>
        _outstanding.Values.Where(p => !_queue.Contains(p.Id) && !_buffer.ContainsKey(p.Id)).ToArray();

    /// <summary>The budget is used up and applied, the stop predicate fired, or the strategy terminated and nothing is outstanding.</summary>
    public bool IsDone => _stopped || _nextToApply >= Settings.MaxEvaluations || _strategy.Terminated && _outstanding.Count == 0;

    /// <summary>Not done, yet nothing outstanding and the strategy proposes nothing: a strategy bug, never a wait on workers.</summary>
    public bool IsStalled => !IsDone && _outstanding.Count == 0;

    public EngineProgress Progress => new(Counters.Proposed, Counters.Applied, Counters.Accepted, Counters.Rejected,
        Counters.Failed, Archive.Front.Count, _strategy.Generation, BestMinimized());

    // Each objective's minimum over the accepted individuals is attained on the front.
    private double[] BestMinimized()
    {
        var best = Enumerable.Repeat(double.PositiveInfinity, Objectives.Count).ToArray();
        foreach (var i in Archive.Front)
            for (int k = 0; k < best.Length; k++) best[k] = Math.Min(best[k], i.Minimized[k]);
        return best;
    }

    /// <summary>Up to <paramref name="max"/> queued proposals, lowest id first; each is handed out once (until requeued).</summary>
    public IReadOnlyList<Proposal<TGenome>> Ask(int max)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max), max, "must not be negative");
        var batch = new List<Proposal<TGenome>>(Math.Min(max, _queue.Count));
        if (_stopped) return batch;
        while (batch.Count < max && _queue.Count > 0)
        {
            long id = _queue.Min;
            _queue.Remove(id);
            batch.Add(_outstanding[id]);
        }
        return batch;
    }

    /// <summary>Puts a handed-out proposal whose job was lost back in the queue; false if it has a result or is queued already.</summary>
    public bool Requeue(long id)
    {
        if (!_outstanding.ContainsKey(id) || _buffer.ContainsKey(id)) return false;
        return _queue.Add(id);
    }

    /// <summary>
    /// Accepts a result for any outstanding id. <paramref name="fingerprint"/> (the candidate's
    /// probe fingerprint) stores the result in <see cref="Cache"/> when it is applied.
    /// </summary>
    public TellOutcome Tell(long id, EvaluationResult result, ProbeFingerprint? fingerprint = null)
    {
        if (id < 0 || id >= _nextId) throw new ArgumentOutOfRangeException(nameof(id), id, $"no such proposal (ids so far: 0..{_nextId - 1})");
        if (result.Status == EvaluationStatus.Accepted && result.Objectives?.Length != Objectives.Count)
            throw new ArgumentException(
                $"accepted result for proposal {id} has {result.Objectives?.Length ?? 0} objective values, the search has {Objectives.Count}", nameof(result));
        if (id < _nextToApply || _buffer.ContainsKey(id))
        {
            Counters.Duplicates++;
            return TellOutcome.Duplicate;
        }
        Counters.Told++;
        _queue.Remove(id);
        _buffer[id] = new BufferedResult(id, result, fingerprint);
        if (id != _nextToApply) return TellOutcome.Buffered;
        Advance();
        return TellOutcome.Applied;
    }

    /// <summary>Looks a fingerprint up in the cache; a hit is counted and gives the result to tell for the candidate.</summary>
    public bool TryReuse(ProbeFingerprint fingerprint, out EvaluationResult result)
    {
        bool hit = Cache.TryGet(fingerprint, out result);
        if (hit) Counters.CacheHits++;
        return hit;
    }

    /// <summary>Adds a worker's pipeline counters (a sum, so any order of reports gives the same totals).</summary>
    public void RecordStageStats(RejectionCounters counters) => Counters.Stages.Merge(counters);

    /// <summary>Applies buffered results in order, asking the strategy for more after each one.</summary>
    private void Advance()
    {
        Refill();
        while (_buffer.Remove(_nextToApply, out var next))
        {
            Apply(next);
            Refill();
        }
    }

    private void Apply(BufferedResult b)
    {
        _outstanding.Remove(b.Id, out var proposal);
        var values = b.Result.Status == EvaluationStatus.Accepted ? b.Result.Objectives : null;
        var individual = new Individual<TGenome>(b.Id, proposal!.Genome, b.Result, Objectives.ToMinimized(values));
        // The strategy compares candidates at one fidelity: it sees rung-0 results only.
        if (proposal.Rung == 0) _strategy.Tell(individual, _context);
        Archive.Add(individual, proposal.Rung, proposal.Origin);
        _nextToApply++;
        Counters.Applied++;
        switch (b.Result.Status)
        {
            case EvaluationStatus.Accepted: Counters.Accepted++; break;
            case EvaluationStatus.Rejected: Counters.Rejected++; Counters.CountRejection(b.Result.Stage ?? "unnamed"); break;
            default: Counters.Failed++; break;
        }
        // A failure may be the infrastructure's fault, so only measured outcomes are cached; a
        // promotion's result is of another fidelity than what the cache answers for.
        if (b.Fingerprint is { } fp && b.Result.Status != EvaluationStatus.Failed && proposal.Rung == 0) Cache.Add(fp, b.Result);
        if (!_stopped && _stopWhen is not null && _stopWhen(Progress)) _stopped = true;
        if (_ladder is not null && individual.IsFeasible)
        {
            _ladder.AddAccepted(proposal.Rung, proposal.Candidate, individual.Minimized[_ladder.Settings.RankObjective]);
            Promote(proposal.Rung);
        }
    }

    /// <summary>Enqueues the rung's newly promotable candidates at the next rung, while the budget lasts.</summary>
    private void Promote(int rung)
    {
        foreach (long candidate in _ladder!.Promotable(rung))
        {
            if (_stopped || _nextId >= Settings.MaxEvaluations) return;
            var genome = Archive.CurrentOf(candidate)!.Genome;
            long id = _nextId++;
            _outstanding[id] = new Proposal<TGenome>(id, genome, EvaluationSeeds.For(Settings.Seed, id), rung + 1, candidate);
            _queue.Add(id);
            Counters.Proposed++;
            _ladder.MarkPromoted(rung, candidate);
        }
    }

    /// <summary>Per rung: accepted results and candidates promoted onward (empty without multi-fidelity).</summary>
    public IReadOnlyList<(int Accepted, int Promoted)> Rungs =>
        _ladder is null ? [] : Enumerable.Range(0, _ladder.Settings.Rungs).Select(r => (_ladder.AcceptedAt(r), _ladder.PromotedFrom(r))).ToArray();

    private void Refill()
    {
        while (!_stopped)
        {
            long room = Math.Min(Settings.Lookahead - _outstanding.Count, Settings.MaxEvaluations - _nextId);
            if (room <= 0) return;
            var genomes = _strategy.Propose((int)room, _context);
            if (genomes.Count == 0) return;
            if (genomes.Count > room)
                throw new InvalidOperationException($"strategy '{_strategy.Name}' proposed {genomes.Count} genomes when asked for at most {room}");
            foreach (var genome in genomes) Enqueue(genome);
        }
    }

    private void Enqueue(TGenome genome)
    {
        // Screen first, so a stage that throws leaves no half-registered proposal behind.
        var outcome = _screen?.Run(genome);
        if (_screen is not null) Counters.Stages.Merge(_screen.TakeCounters());
        // Seconds are left out of engine-made results: they must be a pure function of the seed.
        var settled = outcome?.Kind switch
        {
            VerdictKind.Reject => EvaluationResult.Reject(outcome.Stage!, outcome.Reason!),
            VerdictKind.Reuse => outcome.Reused,
            _ => null,
        };

        long id = _nextId++;
        _outstanding[id] = new Proposal<TGenome>(id, genome, EvaluationSeeds.For(Settings.Seed, id));
        Counters.Proposed++;
        if (settled is null)
        {
            _queue.Add(id);
            return;
        }
        Counters.Told++;
        _buffer[id] = new BufferedResult(id, settled, null);
    }
}
