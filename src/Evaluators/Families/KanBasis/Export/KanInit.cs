namespace Evaluators.Families.KanBasis.Export;

/// <summary>How a generated layer initialises a parameter (what <see cref="KanLayerModule"/> draws or sets).</summary>
public enum KanInitKind
{
    /// <summary>uniform(-1/sqrt(in), 1/sqrt(in)): nn.Linear's bound (base weight, base bias, spline scaler).</summary>
    Uniform,
    /// <summary>Coefficients W: one <see cref="KanWeightPiece"/> per basis (several for a select), along the feature axis.</summary>
    Weight,
    Ones,
    Zeros,
    /// <summary>All -1: the low end of a B-spline node's grid domain.</summary>
    MinusOnes,
    /// <summary>Rational numerator: zeros with a1 = 1, so P(x) = x.</summary>
    Identity,
}

/// <summary>
/// The coefficients of one basis inside W, C features wide: standard normal times
/// <see cref="Numerator"/> / sqrt(in * <see cref="Multiplier"/>) (or / (in * Multiplier) without the root),
/// or, when <see cref="Uniform"/>, nn.Linear's uniform bound. These mirror each basis's
/// <c>IKanFeatures.InitialWeight</c>; a test draws both from one seed and compares.
/// </summary>
public sealed record KanWeightPiece(int Count, double Numerator, bool Root, int Multiplier, bool Uniform = false);
