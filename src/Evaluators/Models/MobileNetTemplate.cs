using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A small MobileNet-v1-style network: a 3x3 stem convolution with the slot, then depthwise-
/// separable blocks (depthwise 3x3 -> slot -> pointwise 1x1 -> slot), global average pooling and a
/// linear head. Each block is (output width, stride). No normalisation of its own.
/// </summary>
public sealed class MobileNetTemplate : IModelTemplate
{
    public MobileNetTemplate(int stem = 16, params (int Width, int Stride)[] blocks)
    {
        Stem = stem > 0 ? stem : throw new ArgumentException("stem width must be positive", nameof(stem));
        Blocks = blocks.Length == 0 ? [(32, 1), (64, 2), (64, 1), (128, 2)] : blocks;
        if (Blocks.Any(b => b.Width < 1 || b.Stride < 1)) throw new ArgumentException("block widths and strides must be positive", nameof(blocks));
    }

    public int Stem { get; }
    public IReadOnlyList<(int Width, int Stride)> Blocks { get; }

    public string Name => $"mobilenet-{Stem}-" + string.Join("-", Blocks.Select(b => b.Stride == 1 ? $"{b.Width}" : $"{b.Width}s{b.Stride}"));
    public SlotKind Slots => SlotKind.NormAct;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int channels = ImageInput.Channels(Name, sampleShape);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("stem", nn.Conv2d(channels, Stem, 3, padding: 1)),
            ("stem_act", slot.Create(SlotSite.Same(Stem))),
        };
        int width = Stem;
        for (int i = 0; i < Blocks.Count; i++)
        {
            var (next, stride) = Blocks[i];
            layers.Add(($"dw{i + 1}", nn.Conv2d(width, width, 3, stride: stride, padding: 1, groups: width)));
            layers.Add(($"dw{i + 1}_act", slot.Create(SlotSite.Same(width))));
            layers.Add(($"pw{i + 1}", nn.Conv2d(width, next, 1)));
            layers.Add(($"pw{i + 1}_act", slot.Create(SlotSite.Same(next))));
            width = next;
        }
        layers.Add(("pool", nn.AdaptiveAvgPool2d(1)));
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("head", nn.Linear(width, outputs)));
        return nn.Sequential(layers);
    }
}
