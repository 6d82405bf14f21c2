using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Activation;

/// <summary>TorchSharp's own activation modules, by name: the baselines candidates are compared with.</summary>
public sealed class BuiltinActivation : ISlotFactory
{
    private static readonly Dictionary<string, Func<nn.Module<Tensor, Tensor>>> Known = new(StringComparer.Ordinal)
    {
        ["relu"] = () => nn.ReLU(),
        ["gelu"] = () => nn.GELU(),
        ["silu"] = () => nn.SiLU(),
        ["tanh"] = () => nn.Tanh(),
        ["elu"] = () => nn.ELU(),
        ["sigmoid"] = () => nn.Sigmoid(),
        ["identity"] = () => nn.Identity(),
    };

    private readonly Func<nn.Module<Tensor, Tensor>> _make;

    public BuiltinActivation(string name)
    {
        if (!Known.TryGetValue(name, out var make))
            throw new ArgumentException($"unknown built-in activation '{name}'; expected one of {string.Join(", ", Known.Keys)}");
        Name = name;
        _make = make;
    }

    public static IEnumerable<string> Names => Known.Keys;
    public string Name { get; }
    public nn.Module<Tensor, Tensor> Create(SlotSite site) => _make();
}
