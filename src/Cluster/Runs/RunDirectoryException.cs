namespace Cluster.Runs;

/// <summary>
/// A run directory that cannot serve the request: it already holds a run, holds a run of another
/// space, or holds a file that is not what it should be. The message names the directory or file.
/// </summary>
public sealed class RunDirectoryException(string message) : InvalidOperationException(message);
