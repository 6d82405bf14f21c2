namespace Cluster.Hosting;

/// <summary>
/// How a node finds its cluster without a seed-node list: Akka.Discovery names the nodes of the service, and once
/// <see cref="RequiredContactPoints"/> of them have been seen, unchanged for a moment, they become the seed nodes
/// (see <see cref="DiscoveredSeeds"/>).
/// </summary>
public abstract record ClusterDiscovery
{
    /// <summary>The name looked up in discovery; every node of one cluster uses the same.</summary>
    public string ServiceName { get; init; } = "search";
    /// <summary>Nodes that must be discovered before joining: fewer could form a cluster of their own beside the real one.</summary>
    public int RequiredContactPoints { get; init; } = 2;

    private ClusterDiscovery() { }

    /// <summary>A fixed list of the nodes' "host:port" remoting addresses, each written as that node's --host and --port.</summary>
    public sealed record Config(string[] Endpoints) : ClusterDiscovery;

    /// <summary>
    /// Running pods found through the Kubernetes API by label (null: "app=&lt;service name&gt;"), at their pod IPs; every
    /// pod listens on the same remoting port as this node.
    /// </summary>
    public sealed record Kubernetes(string? LabelSelector) : ClusterDiscovery;
}
