using Cluster.Security;

namespace Cluster.Hosting;

/// <summary>
/// How this process joins the cluster. No seed nodes: it forms a cluster of its own (local runs).
/// Roles: "coordinator" nodes may host the coordinator singleton, "evaluator" nodes run workers.
/// </summary>
public sealed record NodeOptions
{
    public const string CoordinatorRole = "coordinator";
    public const string EvaluatorRole = "evaluator";

    public string SystemName { get; init; } = "search";
    public string Hostname { get; init; } = "127.0.0.1";
    public string? PublicHostname { get; init; }
    /// <summary>0 picks a free port (fine for a node that is nobody's seed).</summary>
    public int Port { get; init; }
    /// <summary>"host:port" of seed nodes; empty (and no <see cref="Discovery"/>): join itself.</summary>
    public string[] SeedNodes { get; init; } = [];
    /// <summary>Null: the seed nodes (or itself); otherwise the nodes discovery names (<see cref="DiscoveredSeeds"/>).</summary>
    public ClusterDiscovery? Discovery { get; init; }
    /// <summary>Port of the /alive and /ready HTTP probes (0: none).</summary>
    public int HealthPort { get; init; }
    public string[] Roles { get; init; } = [CoordinatorRole, EvaluatorRole];
    /// <summary>Tests: check that every locally sent protocol message survives serialization.</summary>
    public bool SerializeMessages { get; init; }
    /// <summary>Null: plain TCP, on loopback only safe (see <see cref="ListenWarning"/>).</summary>
    public NodeTls? Tls { get; init; }
    public string LogLevel { get; init; } = Environment.GetEnvironmentVariable("SEARCH_AKKA_LOGLEVEL") ?? "WARNING";
}
