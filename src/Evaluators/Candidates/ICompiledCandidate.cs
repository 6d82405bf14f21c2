using Evaluators.Slots;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Candidates;

/// <summary>A parsed candidate, ready for the probe stages and for training.</summary>
public interface ICompiledCandidate
{
    /// <summary>Canonical genome text.</summary>
    string Text { get; }

    /// <summary>Why the genome breaks the search space's limits (size, depth, shape), or null when it fits.</summary>
    string? LimitProblem { get; }

    /// <summary>What fills the model templates' slots.</summary>
    ISlotFactory Slot { get; }

    /// <summary>
    /// Runs the candidate on its family's fixed probe inputs in float64. Leaves no tensor live.
    /// The outputs are what the functional-equivalence fingerprint hashes.
    /// </summary>
    ProbeResponse Probe();

    /// <summary>
    /// Learned values of a trained model for export: an activation's scalars of the first slot position,
    /// a KAN network's widths and tensors (<c>KanLearned</c>); empty when it has none. Values a run would
    /// not keep (a big KAN network's tensors) only when <paramref name="complete"/> (an export retraining it).
    /// </summary>
    IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false);
}
