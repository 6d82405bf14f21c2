using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// Makes the candidate layer that fills one slot of a model template. A template calls
/// <see cref="Create"/> once per slot position, so each position gets its own learnable
/// parameters (as a PReLU per layer would).
/// </summary>
public interface ISlotFactory
{
    /// <summary>What fills the slot, in the genome's canonical text or a built-in name.</summary>
    string Name { get; }

    /// <param name="features">Width of the slot's input: features for (N,F), channels for (N,C,H,W).</param>
    nn.Module<Tensor, Tensor> Create(int features);
}
