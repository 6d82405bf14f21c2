namespace Cluster.Coordinator;

/// <summary>
/// Published on the local event stream when the coordinator cannot recover its run (e.g. the
/// stored state belongs to another search space); local only, never sent or stored.
/// </summary>
public sealed record CoordinatorFailed(string RunId, Exception Reason);
