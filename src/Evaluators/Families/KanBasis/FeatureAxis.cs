using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>Helpers for building (..., C) feature tensors from (...) inputs.</summary>
public static class FeatureAxis
{
    /// <summary>
    /// x[..., None] * scale + offset over a new last axis of length K, as one addmm (x.numel(), 1) x (1, K): the
    /// gradient for x then comes back as a matmul, not as a broadcast product summed over the short last axis
    /// (libtorch's CPU kernels are slow on short inner axes).
    /// </summary>
    public static Tensor Spread(Tensor x, Tensor scale, Tensor offset) =>
        addmm(offset.unsqueeze(0), x.reshape(-1, 1), scale.unsqueeze(0), 1, 1).reshape([.. x.shape, scale.shape[0]]);
}
