using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// Makes the candidate layer that fills one slot of a model template. A template calls
/// <see cref="Create"/> once per slot position, so each position gets its own learnable
/// parameters (as a PReLU per layer would). A module it makes may also add an auxiliary loss
/// (<see cref="IAuxiliaryLoss"/>) and read the training step (<see cref="IStepAware"/>).
/// </summary>
public interface ISlotFactory
{
    /// <summary>What fills the slot, in the genome's canonical text or a built-in name.</summary>
    string Name { get; }

    nn.Module<Tensor, Tensor> Create(SlotSite site);
}
