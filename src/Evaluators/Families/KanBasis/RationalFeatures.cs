using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// One feature P(x)/Q(x), P = a0 + ... + a_P x^P, Q = 1 + sum_j |b_j| |x|^j (never below 1), with
/// (a, b) shared by the nodes of each of S groups (node i in group floor(i S / n)). Starts as the identity.
/// </summary>
public sealed class RationalFeatures : IKanFeatures
{
    private readonly RationalBasis _basis;
    private readonly IKanParameters _parameters;
    private readonly string _numerator, _denominator;
    private readonly long[] _groupOfNode;

    public RationalFeatures(RationalBasis basis, long nodes, string suffix, IKanParameters parameters)
    {
        _basis = basis;
        _parameters = parameters;
        _numerator = "numerator" + suffix;
        _denominator = "denominator" + suffix;
        _groupOfNode = new long[nodes];
        for (long i = 0; i < nodes; i++) _groupOfNode[i] = i * basis.Groups / nodes;
        var a = zeros(basis.Groups, basis.Numerator + 1);
        a.select(1, 1).fill_(1.0);
        parameters.Add(_numerator, a);
        parameters.Add(_denominator, zeros(basis.Groups, basis.Denominator));
    }

    public int Count => 1;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var groups = tensor(_groupOfNode, device: x.device);
        var a = _parameters[_numerator].index_select(0, groups); // (n, P+1)
        var b = _parameters[_denominator].index_select(0, groups); // (n, Q): b_1..b_Q
        // |b| written as where(b >= 0, b, -b): same value, but slope 1 at b = 0, so b = 0 (the init) can learn.
        var absB = where(b.ge(0.0), b, b.neg());
        // Horner in x and |x|: a loop over the few polynomial degrees, not over edges or samples.
        var p = a.select(1, _basis.Numerator).expand_as(x);
        for (int j = _basis.Numerator - 1; j >= 0; j--) p = p.mul(x).add(a.select(1, j));
        var ax = x.abs();
        var q = absB.select(1, _basis.Denominator - 1).expand_as(x);
        for (int j = _basis.Denominator - 2; j >= 0; j--) q = q.mul(ax).add(absB.select(1, j));
        return p.div(q.mul(ax).add(1.0)).unsqueeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>As nn.Linear: with P(x) = x at init the group starts as a linear map.</summary>
    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs)
    {
        double bound = 1.0 / Math.Sqrt(layerInputs);
        return empty(outFeatures, nodes, 1).uniform_(-bound, bound);
    }
}
