namespace Evaluators.Slots;

/// <summary>
/// One position of a template where a candidate layer plugs in: how wide its input and output are
/// (equal for activations and norm-act layers: features for (N,F), channels for (N,C,H,W); in and
/// out of the <c>Linear</c> a KAN layer replaces; the model width around a feed-forward block) and
/// its index among the template's slots.
/// </summary>
public readonly record struct SlotSite(int InFeatures, int OutFeatures, int Index = 0)
{
    /// <summary>A shape-preserving position (activation, norm-act): <paramref name="features"/> in and out.</summary>
    public static SlotSite Same(int features, int index = 0) => new(features, features, index);
}
