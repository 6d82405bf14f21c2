namespace Evaluators.Candidates;

/// <summary>
/// EvoNorms' stability rejection: a few steps of gradient ascent on the norm of the training loss's
/// gradient w.r.t. the parameters (on one small batch, in the first task's model), rejecting a
/// candidate whose gradient norm becomes non-finite or exceeds <see cref="MaxGradientNorm"/>.
/// </summary>
public sealed record StabilitySettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>Ascent steps (the norm is measured before each and after the last).</summary>
    public int Steps { get; init; } = 10;

    /// <summary>Length of each ascent step in parameter space (the step follows the normalised direction).</summary>
    public double StepSize { get; init; } = 1.0;

    /// <summary>Reject when the gradient norm exceeds this (about 1e8, the threshold the EvoNorm authors describe for their stability check).</summary>
    public double MaxGradientNorm { get; init; } = 1e8;

    /// <summary>Samples of the batch the loss is taken on.</summary>
    public int BatchSize { get; init; } = 32;
}
