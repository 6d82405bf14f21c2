using static TorchSharp.torch;

namespace Evaluators.Compile;

/// <summary>
/// A node's value during a forward pass: a tensor, or a plain number for constants (so constants
/// use TorchSharp's scalar overloads and allocate nothing).
/// </summary>
public readonly record struct Value(Tensor? Tensor, double Number)
{
    public static Value Of(Tensor t) => new(t, 0);
    public static Value Of(double d) => new(null, d);
    public bool IsNumber => Tensor is null;
}
