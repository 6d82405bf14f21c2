using Akka.Actor;
using Akka.Cluster;
using Akka.Discovery;
using Akka.Event;

namespace Cluster.Hosting;

/// <summary>
/// Joins the cluster whose nodes discovery names. Every node polls discovery until it sees at least
/// <see cref="ClusterDiscovery.RequiredContactPoints"/> nodes and the list has not changed for <see cref="StableFor"/>,
/// then hands that list, sorted the same way on every node, to Akka's seed-node join: the first node of the list
/// forms the cluster if no other answers, every other node only joins one that answers. So the nodes agree on who
/// forms the cluster, and a node that starts later (or again, after its coordinator left) joins the existing one.
/// </summary>
internal static class DiscoveredSeeds
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan StableFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    public static void Start(ActorSystem system, ClusterDiscovery discovery, string scheme)
    {
        var stop = new CancellationTokenSource();
        system.RegisterOnTermination(stop.Cancel);
        _ = Task.Run(() => JoinWhenStable(system, discovery, scheme, stop.Token));
    }

    private static async Task JoinWhenStable(ActorSystem system, ClusterDiscovery discovery, string scheme, CancellationToken stop)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var service = Discovery.Get(system).Default;
        var lookup = new Lookup(discovery.ServiceName);
        IReadOnlyList<Address> seen = [];
        var since = DateTime.UtcNow;
        try
        {
            while (!stop.IsCancellationRequested && cluster.SelfMember.Status == MemberStatus.Removed)
            {
                IReadOnlyList<Address> now;
                try { now = Seeds(await service.Lookup(lookup, LookupTimeout), system.Name, scheme, cluster.SelfAddress.Port ?? 0); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    system.Log.Warning("discovery of service '{0}' failed: {1}", discovery.ServiceName, e.Message);
                    now = [];
                }
                if (!now.SequenceEqual(seen)) (seen, since) = (now, DateTime.UtcNow);
                else if (seen.Count >= discovery.RequiredContactPoints && DateTime.UtcNow - since >= StableFor)
                {
                    system.Log.Info("joining the cluster of service '{0}' through {1}", discovery.ServiceName, string.Join(", ", seen));
                    cluster.JoinSeedNodes(seen);
                    return;
                }
                await Task.Delay(Interval, stop);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>The discovered nodes as cluster addresses, in one order for all nodes (host, then port); a target without a port listens on <paramref name="ownPort"/>.</summary>
    internal static IReadOnlyList<Address> Seeds(ServiceDiscovery.Resolved resolved, string systemName, string scheme, int ownPort) =>
        resolved.Addresses
            .Select(t => new Address(scheme, systemName, t.Address?.ToString() is { } ip && t.Host.Length == 0 ? ip : t.Host, t.Port ?? ownPort))
            .Distinct()
            .OrderBy(a => a.Host, StringComparer.Ordinal).ThenBy(a => a.Port)
            .ToList();
}
