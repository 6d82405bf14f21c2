using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>cos(kx) for k = 1..K, then sin(kx) for k = 1..K: 2K features, periodic, so no clamp.</summary>
public sealed class FourierFeatures(int frequencies) : IKanFeatures
{
    public int Count => 2 * frequencies;

    public Tensor Compute(Tensor x)
    {
        using var scope = NewDisposeScope();
        var k = arange(1, frequencies + 1, dtype: x.dtype, device: x.device);
        var kx = x.unsqueeze(-1).mul(k);
        return cat([kx.cos(), kx.sin()], -1).MoveToOuterDisposeScope();
    }

    public Tensor InitialWeight(long outFeatures, long nodes, int layerInputs) =>
        randn(outFeatures, nodes, Count).mul(1.0 / Math.Sqrt(layerInputs * (double)Count));
}
