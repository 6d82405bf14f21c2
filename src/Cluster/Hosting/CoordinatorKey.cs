namespace Cluster.Hosting;

/// <summary>Registry key of the coordinator singleton (its proxy on every node).</summary>
public sealed class CoordinatorKey;
