using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A small ResNet for 28x28 or 32x32 images: a 3x3 stem convolution with the slot, then one
/// residual block per stage (each stage after the first halves the resolution), global average
/// pooling and a linear head. No normalisation of its own: every norm-act position is a slot.
/// </summary>
public sealed class ResNetTemplate(params int[] widths) : IModelTemplate
{
    public IReadOnlyList<int> Widths { get; } = widths.Length == 0 ? [16, 32, 64]
        : widths.All(w => w > 0) ? widths : throw new ArgumentException("widths must be positive", nameof(widths));

    public string Name => "resnet-" + string.Join("-", Widths);
    public SlotKind Slots => SlotKind.NormAct;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int channels = ImageInput.Channels(Name, sampleShape);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("stem", nn.Conv2d(channels, Widths[0], 3, padding: 1)),
            ("stem_act", slot.Create(SlotSite.Same(Widths[0]))),
        };
        for (int s = 0; s < Widths.Count; s++)
            layers.Add(($"block{s + 1}", new ResidualBlock(s == 0 ? Widths[0] : Widths[s - 1], Widths[s], s == 0 ? 1 : 2, slot)));
        layers.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("head", nn.Linear(Widths[^1], outputs)));
        return nn.Sequential(layers);
    }
}
