using Evaluators.Candidates;
using Evaluators.Training;
using Search.Rejection;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Runs a small network of one input and one output, built from a fixed seed, on the engine's scalar
/// probes in float64: outputs and input gradients for the numeric stage and the equivalence
/// fingerprint. Leaves no tensor live.
/// </summary>
internal static class ScalarNetworkProbe
{
    public static ProbeResponse Run(ulong seed, Func<nn.Module<Tensor, Tensor>> build)
    {
        var inputs = ProbeFingerprint.ScalarProbes.ToArray();
        using var scope = NewDisposeScope();
        using var network = Trainer.Seeded(seed, build);
        network.to(ScalarType.Float64);
        var x = tensor(inputs, [inputs.Length, 1], ScalarType.Float64).requires_grad_(true);
        var y = network.forward(x);
        var outputs = y.detach().flatten().data<double>().ToArray();
        y.sum().backward();
        var gradients = x.grad is { } g ? g.flatten().data<double>().ToArray() : new double[inputs.Length];
        return new ProbeResponse(inputs, outputs, gradients);
    }
}
