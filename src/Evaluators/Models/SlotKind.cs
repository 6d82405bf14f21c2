namespace Evaluators.Models;

/// <summary>
/// What a template's slots replace: an activation function (features to the same features), a
/// normalization + activation pair (norm-act layers, channels to the same channels), a
/// <c>Linear(in, out)</c> (KAN layers) or a whole feed-forward block (mixture-of-experts layers).
/// </summary>
public enum SlotKind
{
    Activation,
    NormAct,
    Linear,
    FeedForward,
}
