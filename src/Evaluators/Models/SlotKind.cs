namespace Evaluators.Models;

/// <summary>What a template's slots replace: an activation function, or a normalization + activation pair (norm-act layers).</summary>
public enum SlotKind
{
    Activation,
    NormAct,
}
