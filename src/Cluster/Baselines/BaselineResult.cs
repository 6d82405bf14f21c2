namespace Cluster.Baselines;

/// <summary>
/// One baseline (e.g. relu(x)) evaluated beside the search: canonical genome text, the seed it was
/// trained with, its objectives in their natural direction (null when rejected or failed, with the
/// stage and reason), and the evaluator's metrics and learned scalars.
/// </summary>
public sealed record BaselineResult(
    string Genome,
    ulong Seed,
    double[]? Objectives,
    string? Stage,
    string? Reason,
    Dictionary<string, double> Metrics,
    Dictionary<string, double> Learned);
