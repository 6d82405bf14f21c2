using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A plain deep CNN: 3x3 convolutions each followed by the slot, 2x2 max pooling after every
/// second one (except the last pair), global average pooling and a linear head. No skip
/// connections and no normalisation of its own, so the slot carries the signal through depth.
/// </summary>
public sealed class PlainCnnTemplate(params int[] widths) : IModelTemplate
{
    public IReadOnlyList<int> Widths { get; } = widths.Length == 0 ? [16, 16, 32, 32, 64, 64]
        : widths.All(w => w > 0) ? widths : throw new ArgumentException("widths must be positive", nameof(widths));

    public string Name => "plaincnn-" + string.Join("-", Widths);
    public SlotKind Slots => SlotKind.NormAct;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int width = ImageInput.Channels(Name, sampleShape);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i < Widths.Count; i++)
        {
            layers.Add(($"conv{i + 1}", nn.Conv2d(width, Widths[i], 3, padding: 1)));
            layers.Add(($"act{i + 1}", slot.Create(SlotSite.Same(Widths[i]))));
            width = Widths[i];
            if (i % 2 == 1 && i < Widths.Count - 2) layers.Add(($"pool{i / 2 + 1}", nn.MaxPool2d(2)));
        }
        layers.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("head", nn.Linear(width, outputs)));
        return nn.Sequential(layers);
    }
}
