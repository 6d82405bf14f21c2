using Akka.Actor;
using Cluster.Coordinator;
using Cluster.Protocol;
using Search.Core;

namespace Cluster.Hosting;

/// <summary>
/// Turns the coordinator's status reports (event stream, plus a poll in case one was missed)
/// into <see cref="RunProgress"/> for the caller and completes when the run is done. A run that
/// stopped early (its wall-time limit) with jobs still in flight completes once they have reported,
/// or after <c>drain</c> at the latest, so finished work is not thrown away.
/// </summary>
internal sealed class ProgressListener : ReceiveActor, IWithTimers
{
    private sealed record Poll { public static readonly Poll Instance = new(); }
    private sealed record DrainOver { public static readonly DrainOver Instance = new(); }

    private readonly IActorRef _coordinator;
    private readonly IProgress<RunProgress>? _progress;
    private readonly ObjectiveSet _objectives;
    private readonly TaskCompletionSource<StatusReport> _done;
    private readonly TimeProvider _clock;
    // The space's wall-time limit, counted from now as the coordinator's guard counts it: the ETA never exceeds it.
    private readonly DateTimeOffset? _deadline;
    private readonly TimeSpan _drain;
    private (DateTimeOffset At, long Done)? _first;
    private long _lastDone = -1;
    private string? _lastNotice;
    private bool _draining;
    private StatusReport? _latest;
    // Polls (one a second) since the coordinator last answered: a node that never joined its cluster has no coordinator at all.
    private int _unanswered;
    private readonly int _silentPolls;
    private readonly long _budget;

    public ProgressListener(IActorRef coordinator, IProgress<RunProgress>? progress, ObjectiveSet objectives, TimeSpan? wallTime,
        TaskCompletionSource<StatusReport> done, TimeProvider clock, TimeSpan drain, TimeSpan silentNotice, long budget)
    {
        _budget = budget;
        _silentPolls = Math.Max(1, (int)Math.Ceiling(silentNotice.TotalSeconds));
        (_coordinator, _progress, _objectives, _done, _clock, _drain) = (coordinator, progress, objectives, done, clock, drain);
        _deadline = wallTime is { } w ? clock.GetUtcNow() + w : null;
        Receive<StatusReport>(OnStatus);
        Receive<Poll>(_ => OnPoll());
        Receive<DrainOver>(_ => { if (_latest is { } s) _done.TrySetResult(s); });
        Receive<CoordinatorFailed>(f => _done.TrySetException(f.Reason));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(StatusReport));
        Context.System.EventStream.Subscribe(Self, typeof(CoordinatorFailed));
        Timers.StartPeriodicTimer("poll", Poll.Instance, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
    }

    private void OnPoll()
    {
        _coordinator.Tell(GetStatus.Instance);
        // The poll just sent cannot have been answered yet: count the ones before it.
        int silent = _unanswered++;
        if (silent < _silentPolls || (silent - _silentPolls) % 60 != 0) return;
        string notice = $"no progress: no answer from the run's coordinator for {silent} s; has this node joined its cluster (--cluster host:port reachable)?";
        _lastNotice = notice;
        _progress?.Report(_latest is { } s ? ToProgress(s, notice)
            : new RunProgress(0, _budget, 0, 0, 0, new Dictionary<string, long>(), null, 0, null, 0, 0, notice));
    }

    private void OnStatus(StatusReport s)
    {
        _unanswered = 0;
        _latest = s;
        if (s.IsDone && s.InFlight > 0 && _drain > TimeSpan.Zero && !_draining)
        {
            _draining = true;
            Timers.StartSingleTimer("drain", DrainOver.Instance, _drain);
        }
        string? notice = _draining && s.InFlight > 0
            ? $"stopped early: waiting up to {_drain.TotalSeconds:0} s for {s.InFlight} evaluation{(s.InFlight == 1 ? "" : "s")} in flight"
            : s.Notice;
        if (s.Done != _lastDone || notice != _lastNotice)
        {
            (_lastDone, _lastNotice) = (s.Done, notice);
            _progress?.Report(ToProgress(s, notice));
        }
        if (s.IsDone && (s.InFlight == 0 || !_draining)) _done.TrySetResult(s);
    }

    private RunProgress ToProgress(StatusReport s, string? notice)
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
        return new RunProgress(s.Done, s.Total, s.Accepted, s.Rejected, s.Failed, s.RejectedByStage, best, s.Front.Length, eta, s.Workers, s.InFlight, notice);
    }
}
