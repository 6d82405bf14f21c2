using Evaluators.Families.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>A plain dictionary of parameters, to test features without a layer.</summary>
public sealed class TestParameters : IKanParameters
{
    private readonly Dictionary<string, Tensor> _values = [];

    public void Add(string name, Tensor initial) => _values.Add(name, initial);

    public Tensor this[string name] => _values[name];

    public void Replace(string name, Tensor value) => _values[name] = value;
}
