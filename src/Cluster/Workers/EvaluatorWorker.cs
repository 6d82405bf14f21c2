using Akka.Actor;
using Akka.Event;
using Cluster.Protocol;
using Evaluators.Candidates;

namespace Cluster.Workers;

/// <summary>
/// One evaluator slot pulling work with a credit of <see cref="WorkerSettings.Prefetch"/> jobs
/// (queued, running, or finished but not acknowledged): ask for up to that many, run them one at
/// a time in order on a dedicated thread (with <see cref="WorkerSettings.BatchCandidates"/> above 1,
/// up to that many queued jobs of one run together, through <see cref="IBatchCandidateEvaluator"/>;
/// TorchSharp dispose scopes are thread-static, so each evaluation runs synchronously there), and
/// ask again when half the credit is free. A job starts only while credit allows, so with a credit
/// of 1 a slot never holds more than one result the coordinator has not stored. Results go back in
/// batches: a finished result waits up to <see cref="WorkerSettings.ResultLinger"/> while the slot
/// runs its next job, and goes at once when the slot has nothing left to run or half the credit is
/// waiting; one batch is in flight at a time. Results are kept, and resent, until acknowledged,
/// which the coordinator does only once they are stored.
/// </summary>
public sealed class EvaluatorWorker : ReceiveActor, IWithTimers
{
    private sealed record AskAgain { public static readonly AskAgain Instance = new(); }
    private sealed record Resend { public static readonly Resend Instance = new(); }
    private sealed record LingerEnded { public static readonly LingerEnded Instance = new(); }
    // Plain arrays: with serialize-messages on (tests) this local message goes through the default serializer.
    private sealed record Finished(Job[] Jobs, EvaluationReport[]? Reports, Exception? Error);

    private readonly IActorRef _coordinator;
    private readonly ICandidateEvaluator _evaluator;
    private readonly WorkerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _workerId;
    private readonly EvaluationThread _thread;
    private readonly FamilySpaceCache _spaces = new();
    private readonly Queue<Job> _queue = new();
    private readonly List<Job> _current = new();
    // Cancelled when the slot stops: the evaluation in progress ends and the jobs handed over after it do not start.
    private readonly CancellationTokenSource _stopping = new();
    private bool _asked;
    // Results not acknowledged yet (by proposal id), those not sent yet, and those of the batch in flight.
    private readonly Dictionary<long, IClusterMessage> _unacked = new();
    private readonly List<JobResult> _unsent = new();
    private readonly HashSet<long> _sending = new();

    public EvaluatorWorker(IActorRef coordinator, ICandidateEvaluator evaluator, WorkerSettings settings)
    {
        if (settings.Prefetch < 1) throw new ArgumentOutOfRangeException(nameof(settings), "Prefetch must be at least 1");
        (_coordinator, _evaluator, _settings) = (coordinator, evaluator, settings);
        _workerId = Self.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
        _thread = new EvaluationThread($"evaluator {Self.Path.Name}");

        Receive<AskAgain>(_ => { _asked = false; AskIfLow(); });
        Receive<NoWorkYet>(n =>
        {
            Timers.StartSingleTimer("ask", AskAgain.Instance, TimeSpan.FromMilliseconds(Math.Max(1, n.RetryAfterMs)));
        });
        Receive<JobBatch>(b => Take(b.Jobs));
        Receive<Job>(j => Take([j]));
        Receive<Finished>(OnFinished);
        Receive<ResultAcks>(a => Acknowledged(a.ProposalIds));
        Receive<ResultAck>(a => Acknowledged([a.ProposalId]));
        Receive<Resend>(_ => ResendAll());
        Receive<LingerEnded>(_ => SendResults());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, ICandidateEvaluator evaluator, WorkerSettings settings) =>
        Akka.Actor.Props.Create(() => new EvaluatorWorker(coordinator, evaluator, settings));

    protected override void PreStart() => AskIfLow();

    protected override void PostStop()
    {
        _stopping.Cancel();
        // The evaluator may hold tensors made on its thread: dispose it there, after any evaluation in progress.
        if (_evaluator is IDisposable disposable) _thread.Run(() => { disposable.Dispose(); return 0; });
        _thread.Dispose();
    }

    private int Held => _queue.Count + _current.Count + _unacked.Count;

    /// <summary>Asks for work once half the credit is used up (with a credit of 1: when idle).</summary>
    private void AskIfLow()
    {
        if (_asked || Held > _settings.Prefetch / 2) return;
        _asked = true;
        _coordinator.Tell(new RequestJobs(_workerId, _settings.Prefetch - Held));
        // If the coordinator is away (singleton moving, restart) or had nothing, ask again.
        Timers.StartSingleTimer("ask", AskAgain.Instance, _settings.RequestTimeout);
    }

    private void Take(IEnumerable<Job> jobs)
    {
        Timers.Cancel("ask");
        _asked = false;
        foreach (var job in jobs) _queue.Enqueue(job);
        StartNext();
        AskIfLow();
    }

    /// <summary>
    /// Hands every queued job that credit allows to the evaluation thread at once, in units (a job,
    /// or with batching up to that many queued jobs of one run): the thread runs them back to back
    /// and reports each unit as it ends, so fast evaluations do not wait for a round trip through
    /// this actor between them.
    /// </summary>
    private void StartNext()
    {
        int room = _settings.Prefetch - _unacked.Count - _current.Count;
        int most = _evaluator is IBatchCandidateEvaluator ? _settings.BatchCandidates : 1;
        while (room > 0 && _queue.TryDequeue(out var first))
        {
            var unit = new List<Job> { first };
            while (unit.Count < Math.Min(most, room) && _queue.TryPeek(out var next) && next.RunId == first.RunId) unit.Add(_queue.Dequeue());
            room -= unit.Count;
            _current.AddRange(unit);
            HandOver(unit.ToArray());
        }
    }

    private void HandOver(Job[] jobs)
    {
        var self = Self;
        var stopping = _stopping.Token;
        var lookup = new CoordinatorLookup(_coordinator, jobs[0].RunId, _settings.LookupTimeout);
        var evaluator = _evaluator;
        var spaces = _spaces;
        _thread.Run(() =>
        {
            if (stopping.IsCancellationRequested) return 0;
            // The deadline counts from the job's own, whenever the thread gets to it; a batch takes as long as its members together.
            long deadline = jobs.Max(j => j.DeadlineUnixMs);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            cancel.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, deadline - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
            Finished finished;
            try
            {
                finished = new Finished(jobs, jobs.Length == 1
                    ? new[] { evaluator.Evaluate(spaces.Resolve(jobs[0]), lookup, cancel.Token) }
                    : ((IBatchCandidateEvaluator)evaluator).EvaluateBatch(jobs.Select(spaces.Resolve).ToArray(), lookup, cancel.Token).ToArray(), null);
            }
            catch (Exception e) { finished = new Finished(jobs, null, e); }
            self.Tell(finished);
            return 0;
        });
    }

    private void OnFinished(Finished f)
    {
        _current.RemoveRange(0, f.Jobs.Length); // units end in the order they were handed over
        for (int i = 0; i < f.Jobs.Length; i++)
        {
            var job = f.Jobs[i];
            if (f.Reports is { } reports)
            {
                var result = new JobResult(job.RunId, job.ProposalId, _workerId, job.Attempt, ReportData.From(reports[i]));
                _unacked[result.ProposalId] = result;
                _unsent.Add(result);
            }
            else
            {
                _log.Warning(f.Error, "evaluator crashed on proposal {0}", job.ProposalId);
                var failed = new JobFailed(job.RunId, job.ProposalId, _workerId, f.Error!.GetType().Name + ": " + f.Error.Message);
                _unacked[failed.ProposalId] = failed;
                _coordinator.Tell(failed);
            }
        }
        if (!Timers.IsTimerActive("resend")) Timers.StartSingleTimer("resend", Resend.Instance, _settings.AckTimeout);
        StartNext();
        // Busy with the next job: give it the linger to finish, so its result goes in the same batch
        // (half the credit in results goes at once, so that the coordinator stores them while the rest run).
        if (_current.Count == 0 || _settings.ResultLinger <= TimeSpan.Zero || 2 * _unsent.Count >= _settings.Prefetch) SendResults();
        else if (!Timers.IsTimerActive("linger")) Timers.StartSingleTimer("linger", LingerEnded.Instance, _settings.ResultLinger);
        AskIfLow();
    }

    /// <summary>Sends the results finished so far, unless a batch is still waiting for its acks.</summary>
    private void SendResults()
    {
        if (_sending.Count > 0 || _unsent.Count == 0) return;
        Timers.Cancel("linger");
        foreach (var r in _unsent) _sending.Add(r.ProposalId);
        _coordinator.Tell(new ResultBatch(_unsent.ToArray()));
        _unsent.Clear();
    }

    private void Acknowledged(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _unacked.Remove(id);
            _sending.Remove(id);
        }
        if (_unacked.Count == 0) Timers.Cancel("resend");
        SendResults();
        StartNext();
        AskIfLow();
    }

    private void ResendAll()
    {
        if (_unacked.Count == 0) return;
        var results = _unacked.Values.OfType<JobResult>().ToArray();
        if (results.Length > 0) _coordinator.Tell(new ResultBatch(results));
        foreach (var failed in _unacked.Values.OfType<JobFailed>()) _coordinator.Tell(failed);
        _sending.Clear();
        foreach (var r in results) _sending.Add(r.ProposalId);
        _unsent.Clear();
        Timers.StartSingleTimer("resend", Resend.Instance, _settings.AckTimeout);
    }
}
