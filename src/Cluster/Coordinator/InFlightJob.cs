namespace Cluster.Coordinator;

/// <summary>A job handed out and not yet reported: who holds it, which hand-out it is, when it expires.</summary>
public sealed record InFlightJob(long ProposalId, string WorkerId, int Attempt, DateTimeOffset Deadline);
