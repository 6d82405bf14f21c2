namespace Cluster.Validation;

/// <summary>
/// One training of `search validate`: the genome, its role ("front" with the proposal id, or
/// "baseline"), the proxy task and data directory (full path; null = the default locations) it
/// trained on, which validation seed (1..S) and the training seed it stands for, and the run's
/// objectives measured on that task in their natural direction (null when rejected or failed, with
/// stage and reason).
/// </summary>
public sealed record ValidationResult(
    string Genome,
    string Role,
    long? ProposalId,
    string Task,
    string? DataDirectory,
    int SeedIndex,
    ulong Seed,
    double[]? Objectives,
    string? Stage,
    string? Reason,
    double Seconds)
{
    /// <summary>Whether this is the training of <paramref name="genome"/> on that task, data directory and seed index.</summary>
    public bool Is(string genome, string task, string? data, int seedIndex) =>
        Genome == genome && Task == task && DataDirectory == data && SeedIndex == seedIndex;
}
