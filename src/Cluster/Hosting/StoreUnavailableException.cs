namespace Cluster.Hosting;

/// <summary>A store that cannot serve a run: a connection string that does not parse, a server that cannot be reached
/// or refuses the credentials, or a store that is not the one the run keeps its journal in. The message names it, without password.</summary>
public sealed class StoreUnavailableException(string message) : InvalidOperationException(message);
