namespace Evaluators.Training.Lbfgs;

/// <summary>
/// Settings of one L-BFGS step (the defaults are PyTorch's, with the strong-Wolfe line search pykan
/// uses for its fits, and a history of 10 as pykan sets it).
/// </summary>
public sealed record LbfgsOptions
{
    /// <summary>The first trial step of each line search (scaled by 1/|g|_1 on the very first iteration).</summary>
    public double LearningRate { get; init; } = 1.0;
    public int MaxIterations { get; init; } = 20;
    public int? MaxEvaluations { get; init; }
    public double GradientTolerance { get; init; } = 1e-7;
    public double ChangeTolerance { get; init; } = 1e-9;
    public int HistorySize { get; init; } = 10;

    public int EvaluationLimit => MaxEvaluations ?? MaxIterations * 5 / 4;
}
