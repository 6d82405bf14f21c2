using static TorchSharp.torch;

namespace Evaluators.Slots;

/// <summary>
/// A slot module that adds a term to the training loss, computed in its last forward (a
/// mixture-of-experts load-balance or z-loss, a KAN regulariser). The trainer adds every such
/// term of the model to the task loss at each training step; evaluation ignores them.
/// </summary>
public interface IAuxiliaryLoss
{
    /// <summary>The term of the last forward (a scalar tensor, valid at least until the next forward), or null for none.</summary>
    Tensor? AuxiliaryLoss { get; }
}
