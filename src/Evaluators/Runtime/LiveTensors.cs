using TorchSharp;

namespace Evaluators.Runtime;

/// <summary>
/// Live (created and not yet disposed) tensors on the calling thread, for leak checks. TorchSharp's
/// process-wide Tensor.TotalCount also counts tensors whose native handle moved into a Parameter,
/// which are never "disposed", so it drifts without a real leak; the scope statistics do not.
/// </summary>
public static class LiveTensors
{
    public static long Count => DisposeScopeManager.Statistics.ThreadTotalLiveCount;
}
