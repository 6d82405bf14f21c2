using Akka.Actor;
using Cluster.Coordinator;
using Cluster.Protocol;
using Search.Core;

namespace Cluster.Hosting;

/// <summary>
/// Turns the coordinator's status reports (event stream, plus a poll in case one was missed)
/// into <see cref="RunProgress"/> for the caller and completes when the run is done.
/// </summary>
internal sealed class ProgressListener : ReceiveActor, IWithTimers
{
    private sealed record Poll { public static readonly Poll Instance = new(); }

    private readonly IActorRef _coordinator;
    private readonly IProgress<RunProgress>? _progress;
    private readonly ObjectiveSet _objectives;
    private readonly TaskCompletionSource<StatusReport> _done;
    private readonly TimeProvider _clock;
    // The space's wall-time limit, counted from now as the coordinator's guard counts it: the ETA never exceeds it.
    private readonly DateTimeOffset? _deadline;
    private (DateTimeOffset At, long Done)? _first;
    private long _lastDone = -1;

    public ProgressListener(IActorRef coordinator, IProgress<RunProgress>? progress, ObjectiveSet objectives, TimeSpan? wallTime,
        TaskCompletionSource<StatusReport> done, TimeProvider clock)
    {
        (_coordinator, _progress, _objectives, _done, _clock) = (coordinator, progress, objectives, done, clock);
        _deadline = wallTime is { } w ? clock.GetUtcNow() + w : null;
        Receive<StatusReport>(OnStatus);
        Receive<Poll>(_ => _coordinator.Tell(GetStatus.Instance));
        Receive<CoordinatorFailed>(f => _done.TrySetException(f.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(StatusReport));
        Context.System.EventStream.Subscribe(Self, typeof(CoordinatorFailed));
        Timers.StartPeriodicTimer("poll", Poll.Instance, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
    }

    private void OnStatus(StatusReport s)
    {
        if (s.Done != _lastDone)
        {
            _lastDone = s.Done;
            _progress?.Report(ToProgress(s));
        }
        if (s.IsDone) _done.TrySetResult(s);
    }

    private RunProgress ToProgress(StatusReport s)
    {
        var now = _clock.GetUtcNow();
        _first ??= (now, s.Done);
        TimeSpan? eta = null;
        long since = s.Done - _first.Value.Done;
        if (since > 0 && s.Total < long.MaxValue)
            eta = (now - _first.Value.At) / since * Math.Max(0, s.Total - s.Done);
        if (_deadline is { } end)
        {
            var left = end > now ? end - now : TimeSpan.Zero;
            eta = eta is { } e && e < left ? e : left;
        }
        // "Best" is the front member best on the first objective.
        var best = s.Front.Where(f => f.Objectives.Length > 0)
            .OrderBy(f => _objectives.Items[0].ToMinimized(f.Objectives[0])).ThenBy(f => f.Id).FirstOrDefault();
        return new RunProgress(s.Done, s.Total, s.Accepted, s.Rejected, s.Failed, s.RejectedByStage, best, s.Front.Length, eta, s.Workers, s.InFlight);
    }
}
