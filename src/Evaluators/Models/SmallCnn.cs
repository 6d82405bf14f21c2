using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// Two 3x3 convolutions (32, 64 channels) each followed by the slot and 2x2 max pooling, then a
/// 128-unit hidden layer with the slot and a linear head. For 28x28 or 32x32 images.
/// </summary>
public sealed class SmallCnn(int channels1 = 32, int channels2 = 64, int hidden = 128) : IModelTemplate
{
    public string Name => $"cnn-{channels1}-{channels2}-{hidden}";

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        if (sampleShape.Length != 3)
            throw new ArgumentException($"{Name} needs image samples (C,H,W); got shape [{string.Join(",", sampleShape)}]");
        int c = sampleShape[0], h = sampleShape[1] / 4, w = sampleShape[2] / 4;
        return nn.Sequential(
            ("conv1", nn.Conv2d(c, channels1, 3, padding: 1)), ("act1", slot.Create(SlotSite.Same(channels1))), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(channels1, channels2, 3, padding: 1)), ("act2", slot.Create(SlotSite.Same(channels2))), ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(channels2 * h * w, hidden)), ("act3", slot.Create(SlotSite.Same(hidden))),
            ("head", nn.Linear(hidden, outputs)));
    }
}
