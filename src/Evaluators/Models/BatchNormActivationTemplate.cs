using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// Turns a norm-act template (every slot a normalisation + activation pair, e.g. <see cref="ResNetTemplate"/>)
/// into an activation template: each norm-act position becomes BatchNorm2d(C) followed by the
/// activation the slot factory makes, so an activation is judged inside a batch-normalised network.
/// A unit-gain wrapper (<see cref="UnitGainSlot"/>) wraps the activation only, never the BatchNorm.
/// </summary>
public sealed class BatchNormActivationTemplate(IModelTemplate normActTemplate) : IModelTemplate
{
    public IModelTemplate Inner { get; } = normActTemplate.Slots == SlotKind.NormAct ? normActTemplate
        : throw new ArgumentException($"{normActTemplate.Name} does not take norm-act layers", nameof(normActTemplate));

    public string Name => "bn-act-" + Inner.Name;
    public SlotKind Slots => SlotKind.Activation;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot) =>
        Inner.Build(sampleShape, outputs, new BatchNormThen(slot));

    /// <summary>Sequential(BatchNorm2d(C), activation) at every norm-act position.</summary>
    private sealed class BatchNormThen(ISlotFactory activation) : ISlotFactory
    {
        public string Name => "bn-" + activation.Name;

        public nn.Module<Tensor, Tensor> Create(SlotSite site) =>
            nn.Sequential(("norm", nn.BatchNorm2d(site.InFeatures)), ("act", activation.Create(site)));
    }
}
