using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// cos(kx) for k = 1..K, then sin(kx) for k = 1..K: 2K features, periodic, so no clamp. Computed as one sin over
/// kx + phase (cos(kx) = sin(kx + pi/2)): one elementwise pass and no concatenation along the short last axis.
/// </summary>
public sealed class FourierFeatures(int frequencies) : IKanFeatures
{
    public int Count => 2 * frequencies;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var k = arange(1, frequencies + 1, dtype: x.dtype, device: x.device);
        var phase = cat([full(frequencies, Math.PI / 2, dtype: x.dtype, device: x.device), zeros(frequencies, dtype: x.dtype, device: x.device)]);
        return FeatureAxis.Spread(x, cat([k, k]), phase).sin().MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / Math.Sqrt(layerInputs * (double)Count));
}
