using Akka.Actor;
using Akka.Cluster;

namespace Cluster.Hosting;

/// <summary>
/// What the /alive and /ready probes report. Alive: the actor system has not terminated (a node whose system died
/// is restarted by its orchestrator). Ready: this node is an Up member of its cluster.
/// </summary>
public sealed class NodeHealth
{
    private volatile ActorSystem? _system;

    public void Started(ActorSystem system) => _system = system;

    /// <summary>Starting counts as alive: the system is being built, not dead.</summary>
    public bool Alive => _system is not { } system || !system.WhenTerminated.IsCompleted;

    public bool Ready => _system is { } system && !system.WhenTerminated.IsCompleted
        && Akka.Cluster.Cluster.Get(system).SelfMember.Status is MemberStatus.Up or MemberStatus.WeaklyUp;
}
