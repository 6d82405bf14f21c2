using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A network whose every <c>Linear(in, out)</c> is a slot, as a Kolmogorov-Arnold network is built
/// (widths [784, 64, 10] for Fashion-MNIST: flatten, then one slot per pair of widths; the last
/// slot's output is the model's). No activations of its own: the slot layers are the nonlinearity.
/// A filler that builds whole stacks (<see cref="ILinearStackFactory"/>) replaces them all at once.
/// </summary>
public sealed class LinearSlotNet(params int[] hidden) : IModelTemplate
{
    public IReadOnlyList<int> Hidden { get; } = hidden;

    public string Name => "linear-slots-" + string.Join("-", Hidden);
    public SlotKind Slots => SlotKind.Linear;

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int width = sampleShape.Aggregate(1, (a, b) => a * b);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
        var widths = Hidden.Append(outputs).ToArray();
        if (slot is ILinearStackFactory stack) return nn.Sequential(("flatten", nn.Flatten()), ("stack", stack.CreateStack(width, widths)));
        for (int i = 0; i < widths.Length; i++)
        {
            layers.Add(($"layer{i}", slot.Create(new SlotSite(width, widths[i], i))));
            width = widths[i];
        }
        return nn.Sequential(layers);
    }
}
