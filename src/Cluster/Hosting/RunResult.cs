using Cluster.Protocol;

namespace Cluster.Hosting;

/// <summary>How a run ended (or where it stood when cancelled): its directory and last status, front included.</summary>
public sealed record RunResult(string RunDirectory, string RunId, StatusReport Status, bool Completed);
