using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The features of one basis on the n input nodes of a basis group: (N, n) -> (N, n, Count).
/// Constants (knots, centres) are built in the input's dtype and device, so the layer works after
/// <c>to(float64)</c> or a device move; learnable parts are looked up by name at each call for the same reason.
/// </summary>
public interface IKanFeatures
{
    /// <summary>Features per node (C).</summary>
    int Count { get; }

    Tensor Compute(Tensor x);

    /// <summary>A freshly drawn coefficient tensor (out, n, Count) for this basis, from torch's global generator.</summary>
    Tensor InitialWeight(long outFeatures, long nodes, int layerInputs);
}
