namespace Cluster.Runs;

/// <summary>A run directory that cannot serve the request: it already holds a run, or holds a run of another space. The message names it.</summary>
public sealed class RunDirectoryException(string message) : InvalidOperationException(message);
