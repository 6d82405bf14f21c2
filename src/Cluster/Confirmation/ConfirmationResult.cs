namespace Cluster.Confirmation;

/// <summary>
/// One retraining of a front member or baseline: the genome, its role ("front" with the proposal id,
/// or "baseline"), which confirmation seed (1..S) and the training seed it stands for, and the
/// objectives in their natural direction (null when rejected or failed, with stage and reason).
/// </summary>
public sealed record ConfirmationResult(
    string Genome,
    string Role,
    long? ProposalId,
    int SeedIndex,
    ulong Seed,
    double[]? Objectives,
    string? Stage,
    string? Reason,
    double Seconds);
