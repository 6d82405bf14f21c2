using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Models;

/// <summary>
/// A <see cref="LinearSlotNet"/> [in, hidden, out] for data whose input width is known only when it
/// is loaded (a user's CSV file): the hidden width is given, or 2 in + 1 after the Kolmogorov-Arnold
/// theorem (a function of n variables is a sum of 2n + 1 outer functions), capped at
/// <see cref="MaxDefaultHidden"/> so a wide file still makes a cheap proxy.
/// </summary>
public sealed class InputSizedSlotNet(int? hidden = null) : IModelTemplate
{
    public const int MaxDefaultHidden = 32;

    public int? Hidden { get; } = hidden is null or > 0 ? hidden : throw new ArgumentOutOfRangeException(nameof(hidden), $"hidden width {hidden}: expected at least 1");

    public string Name => Hidden is int h ? $"linear-slots-{h}" : "linear-slots-2in+1";
    public SlotKind Slots => SlotKind.Linear;

    public static int DefaultHidden(int inputs) => Math.Min(2 * inputs + 1, MaxDefaultHidden);

    public int HiddenFor(int inputs) => Hidden ?? DefaultHidden(inputs);

    public nn.Module<Tensor, Tensor> Build(int[] sampleShape, int outputs, ISlotFactory slot) =>
        new LinearSlotNet(HiddenFor(sampleShape.Aggregate(1, (a, b) => a * b))).Build(sampleShape, outputs, slot);
}
