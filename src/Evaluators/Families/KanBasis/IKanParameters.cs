using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>Registers and looks up a KAN layer's parameters by name (looked up per call: <c>to()</c> replaces them).</summary>
public interface IKanParameters
{
    void Add(string name, Tensor initial);

    Tensor this[string name] { get; }
}
