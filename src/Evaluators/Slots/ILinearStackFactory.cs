using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// A filler of Linear slots that builds a <see cref="Models.LinearSlotNet"/>'s whole stack itself
/// instead of one layer per slot, for baselines whose shape is not the template's (an MLP whose
/// hidden widths are chosen to match a KAN's parameter count). The template hands it the flattened
/// input width and its widths (hidden..., outputs).
/// </summary>
public interface ILinearStackFactory : ISlotFactory
{
    nn.Module<Tensor, Tensor> CreateStack(int inputs, IReadOnlyList<int> widths);
}
