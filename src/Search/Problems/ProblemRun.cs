namespace Search.Problems;

/// <summary>The outcome of one run: the final non-dominated set and its quality.</summary>
public sealed record ProblemRun(
    IReadOnlyList<double[]> Front, double Hypervolume, double HypervolumeRatio, double Igd, long Evaluations);
