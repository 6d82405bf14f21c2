using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>Fully connected network: flatten, then Linear + slot per hidden layer, then a linear head.</summary>
public sealed class Mlp(params int[] hidden) : IModelTemplate
{
    public IReadOnlyList<int> Hidden { get; } = hidden.Length > 0 ? hidden
        : throw new ArgumentException("an MLP needs at least one hidden layer", nameof(hidden));

    public string Name => "mlp-" + string.Join("-", Hidden);

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot)
    {
        int inputs = sampleShape.Aggregate(1, (a, b) => a * b);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
        int width = inputs;
        for (int i = 0; i < Hidden.Count; i++)
        {
            layers.Add(($"fc{i}", nn.Linear(width, Hidden[i])));
            layers.Add(($"act{i}", slot.Create(SlotSite.Same(Hidden[i]))));
            width = Hidden[i];
        }
        layers.Add(("head", nn.Linear(width, outputs)));
        return nn.Sequential(layers);
    }
}
