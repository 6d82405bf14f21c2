using Akka.Actor;
using Akka.Cluster;

namespace Cluster.Hosting;

internal static class CoordinatorWatch
{
    /// <summary>Starts watching on <paramref name="system"/>; the task completes once the node is orphaned.</summary>
    public static Task Orphaned(ActorSystem system, TimeSpan after)
    {
        var orphaned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new CoordinatorWatchActor(after, orphaned)), "coordinator-watch");
        system.WhenTerminated.ContinueWith(_ => orphaned.TrySetResult(), TaskScheduler.Default);
        return orphaned.Task;
    }
}

/// <summary>
/// On a worker node: completes <see cref="CoordinatorWatch.Orphaned"/>'s task when the coordinator it worked with has been
/// gone (no reachable coordinator-role member) for <c>after</c>, or when its actor system ended (downed
/// by the split-brain resolver). A node that never saw a coordinator keeps waiting for one. A cluster whose coordinator died never gets it back (a restarted coordinator
/// forms a new cluster), so the node must start afresh and join the seed nodes again.
/// </summary>
internal sealed class CoordinatorWatchActor : ReceiveActor, IWithTimers
{
    private sealed record Tick { public static readonly Tick Instance = new(); }

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly TimeSpan _after;
    private readonly TaskCompletionSource _orphaned;
    private DateTime? _aloneSince;
    private bool _seen;

    public CoordinatorWatchActor(TimeSpan after, TaskCompletionSource orphaned)
    {
        (_after, _orphaned) = (after, orphaned);
        Receive<Tick>(_ => Check());
        // Seen through events, not only on ticks: a coordinator may come and go between two ticks.
        Receive<ClusterEvent.MemberUp>(up => { if (up.Member.HasRole(NodeOptions.CoordinatorRole)) _seen = true; });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        Timers.StartPeriodicTimer("tick", Tick.Instance, TimeSpan.FromMilliseconds(500));
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Check()
    {
        var state = _cluster.State;
        bool coordinator = state.Members.Any(m => m.Status == MemberStatus.Up && m.HasRole(NodeOptions.CoordinatorRole) && !state.Unreachable.Contains(m));
        if (coordinator) (_seen, _aloneSince) = (true, null);
        else if (!_seen) return; // still joining, or waiting for a first run: nothing lost yet
        else if ((_aloneSince ??= DateTime.UtcNow) + _after <= DateTime.UtcNow) _orphaned.TrySetResult();
    }
}
