using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>T_0..T_D of tanh x by the three-term recurrence: no acos, so finite for every x (tanh x = +-1 included).</summary>
public sealed class ChebyshevFeatures(int degree) : IKanFeatures
{
    public int Count => degree + 1;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var t = x.tanh();
        var terms = new List<Tensor> { ones_like(t) };
        if (degree >= 1) terms.Add(t);
        for (int d = 2; d <= degree; d++) terms.Add(t.mul(terms[d - 1]).mul(2.0).sub(terms[d - 2]));
        return stack(terms, -1).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / (layerInputs * (degree + 1.0)));
}
