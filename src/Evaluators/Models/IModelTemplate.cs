using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>A network with slots where candidate layers plug in; builds a fresh model per evaluation.</summary>
public interface IModelTemplate
{
    string Name { get; }

    /// <summary>What its slots replace; the norm-act templates (ResNet, MobileNet, plain CNN) take norm-act layers.</summary>
    SlotKind Slots => SlotKind.Activation;

    /// <param name="sampleShape">Shape of one input sample, e.g. [1,28,28] or [2].</param>
    /// <param name="outputs">Classes for classification, target dimension for regression.</param>
    nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot);
}
