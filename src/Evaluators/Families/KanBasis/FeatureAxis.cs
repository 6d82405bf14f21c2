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

    /// <summary>
    /// Rows (C, M), one per feature, to (M, C). Feature-major layouts make the elementwise work fast (long
    /// contiguous runs, broadcasts and reductions over the outer axis), but the layer's matmul wants features
    /// last. The product with the identity runs as MKL's packed transposing copy, about 3x libtorch's strided
    /// copy forward and backward; it is exact (x*1 + 0*y) for finite values, and a non-finite feature makes the
    /// layer's output non-finite either way.
    /// </summary>
    public static Tensor Transpose(Tensor rows) =>
        rows.t().mm(eye(rows.shape[0], dtype: rows.dtype, device: rows.device));

    /// <summary>(C, M) rows to features (..., C) of an input shaped <paramref name="like"/> (M = like.numel()).</summary>
    public static Tensor FromRows(Tensor rows, Tensor like) => Transpose(rows).reshape([.. like.shape, rows.shape[0]]);
}
