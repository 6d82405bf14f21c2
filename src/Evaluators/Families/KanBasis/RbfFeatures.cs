using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// FastKAN Gaussians exp(-((u - u_c)/h)^2) on u = LayerNorm(x) over the group's nodes (eps 1e-5,
/// affine ln_weight, ln_bias). Over one node the normalised value is always 0, so there only the
/// affine is applied (u = x at init): the layer still depends on x and the affine still learns.
/// </summary>
public sealed class RbfFeatures : IKanFeatures
{
    private readonly RbfBasis _basis;
    private readonly IKanParameters _parameters;
    private readonly string _weight, _bias;
    private readonly long _nodes;

    public RbfFeatures(RbfBasis basis, long nodes, string suffix, IKanParameters parameters)
    {
        if (basis.Centers < RbfBasis.MinCenters)
            throw new ArgumentException($"rbf centers={basis.Centers}: expected at least {RbfBasis.MinCenters} ({RbfBasis.CentersRule})", nameof(basis));
        _basis = basis;
        _nodes = nodes;
        _parameters = parameters;
        _weight = "ln_weight" + suffix;
        _bias = "ln_bias" + suffix;
        parameters.Add(_weight, ones(nodes));
        parameters.Add(_bias, zeros(nodes));
    }

    public int Count => _basis.Centers;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        // One fused layer_norm (biased variance, eps inside the root) instead of seven elementwise ops.
        var u = _nodes > 1
            ? nn.functional.layer_norm(x, [_nodes], _parameters[_weight], _parameters[_bias], 1e-5)
            : x.mul(_parameters[_weight]).add(_parameters[_bias]);
        double r = _basis.Range;
        double h = _basis.Width * 2 * r / (_basis.Centers - 1);
        var centres = linspace(-r, r, _basis.Centers, dtype: x.dtype, device: x.device);
        var z = FeatureAxis.Spread(u, full(_basis.Centers, 1.0 / h, dtype: x.dtype, device: x.device), centres.div(-h)); // (u - u_c)/h
        return z.square().neg().exp().MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(0.1 / Math.Sqrt(layerInputs));
}
