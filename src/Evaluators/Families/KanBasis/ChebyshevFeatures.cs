using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// T_0..T_D of tanh x by the three-term recurrence: no acos, so finite for every x (tanh x = +-1 included).
/// The terms are stacked feature-major and transposed once (<see cref="FeatureAxis.FromRows"/>).
/// </summary>
public sealed class ChebyshevFeatures(int degree) : IKanFeatures
{
    public int Count => degree + 1;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var t = x.tanh();
        var terms = new List<Tensor> { ones_like(t) };
        if (degree >= 1) terms.Add(t);
        var twoT = t.mul(2.0); // (2t) T_{n-1} rounds exactly as 2 (t T_{n-1}): scaling by 2 is exact
        for (int d = 2; d <= degree; d++) terms.Add(twoT.mul(terms[d - 1]).sub(terms[d - 2]));
        return FeatureAxis.FromRows(stack(terms, 0).reshape(terms.Count, -1), x).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / (layerInputs * (degree + 1.0)));
}
