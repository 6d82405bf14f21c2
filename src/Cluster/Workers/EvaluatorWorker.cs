using Akka.Actor;
using Akka.Event;
using Cluster.Protocol;
using Evaluators.Candidates;

namespace Cluster.Workers;

/// <summary>
/// One evaluator slot pulling work: ask, get a job or NoWorkYet (then ask again later), run the
/// evaluator on a dedicated thread (TorchSharp dispose scopes are thread-static, so the whole
/// evaluation runs synchronously there), pipe the report back, send it until acknowledged, ask again.
/// </summary>
public sealed class EvaluatorWorker : ReceiveActor, IWithTimers, IWithUnboundedStash
{
    private sealed record AskAgain { public static readonly AskAgain Instance = new(); }
    private sealed record Resend { public static readonly Resend Instance = new(); }
    private sealed record Finished(Job Job, EvaluationReport? Report, Exception? Error);

    private readonly IActorRef _coordinator;
    private readonly ICandidateEvaluator _evaluator;
    private readonly WorkerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _workerId;
    private readonly EvaluationThread _thread;
    private readonly FamilySpaceCache _spaces = new();
    private CancellationTokenSource? _running;
    private IClusterMessage? _unacked;

    public EvaluatorWorker(IActorRef coordinator, ICandidateEvaluator evaluator, WorkerSettings settings)
    {
        (_coordinator, _evaluator, _settings) = (coordinator, evaluator, settings);
        _workerId = Self.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
        _thread = new EvaluationThread($"evaluator {Self.Path.Name}");
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;
    public IStash Stash { get; set; } = null!;

    public static Props Props(IActorRef coordinator, ICandidateEvaluator evaluator, WorkerSettings settings) =>
        Akka.Actor.Props.Create(() => new EvaluatorWorker(coordinator, evaluator, settings));

    protected override void PreStart() => RequestWork();

    protected override void PostStop()
    {
        _running?.Cancel();
        // The evaluator may hold tensors made on its thread: dispose it there, after any evaluation in progress.
        if (_evaluator is IDisposable disposable) _thread.Run(() => { disposable.Dispose(); return 0; });
        _thread.Dispose();
    }

    private void RequestWork()
    {
        _coordinator.Tell(new RequestWork(_workerId));
        // If the coordinator is away (singleton moving, restart), ask again.
        Timers.StartSingleTimer("ask", AskAgain.Instance, _settings.RequestTimeout);
    }

    private void Idle()
    {
        Receive<AskAgain>(_ => RequestWork());
        Receive<NoWorkYet>(n => Timers.StartSingleTimer("ask", AskAgain.Instance, TimeSpan.FromMilliseconds(Math.Max(1, n.RetryAfterMs))));
        Receive<Job>(Start);
        Receive<ResultAck>(_ => { });
    }

    private void Start(Job job)
    {
        Timers.Cancel("ask");
        _running = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Max(1, job.DeadlineUnixMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));
        var cancel = _running.Token;
        var lookup = new CoordinatorLookup(_coordinator, job.RunId, _settings.LookupTimeout);
        var evaluator = _evaluator;
        var spaces = _spaces;
        _thread.Run(() =>
        {
            try { return new Finished(job, evaluator.Evaluate(spaces.Resolve(job), lookup, cancel), null); }
            catch (Exception e) { return new Finished(job, null, e); }
        }).PipeTo(Self);
        Become(Busy);
    }

    private void Busy()
    {
        Receive<Finished>(f =>
        {
            _running?.Dispose();
            _running = null;
            if (f.Error is not null) _log.Warning(f.Error, "evaluator crashed on proposal {0}", f.Job.ProposalId);
            _unacked = f.Report is { } r
                ? new JobResult(f.Job.RunId, f.Job.ProposalId, _workerId, f.Job.Attempt, ReportData.From(r))
                : new JobFailed(f.Job.RunId, f.Job.ProposalId, _workerId, f.Error!.GetType().Name + ": " + f.Error.Message);
            SendResult();
            Become(WaitingForAck);
        });
        Receive<NoWorkYet>(_ => { });
        Receive<AskAgain>(_ => { });
        Receive<ResultAck>(_ => { });
        Receive<Job>(_ => Stash.Stash()); // a second answer to a repeated request: run it next
    }

    private void SendResult()
    {
        _coordinator.Tell(_unacked);
        Timers.StartSingleTimer("resend", Resend.Instance, _settings.AckTimeout);
    }

    private void WaitingForAck()
    {
        Receive<Resend>(_ => SendResult());
        Receive<ResultAck>(a =>
        {
            if (_unacked is JobResult r && r.ProposalId != a.ProposalId) return;
            AckedAndNext();
        });
        Receive<NoWorkYet>(_ => { });
        Receive<AskAgain>(_ => { });
        Receive<Job>(_ => Stash.Stash());
    }

    private void AckedAndNext()
    {
        Timers.Cancel("resend");
        _unacked = null;
        Become(Idle);
        if (Stash.IsEmpty) RequestWork();
        else Stash.UnstashAll();
    }
}
