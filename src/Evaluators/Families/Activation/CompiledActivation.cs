using Evaluators.Candidates;
using Evaluators.Compile;
using Evaluators.Slots;
using Search.Genomes.Activation;
using Search.Rejection;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Activation;

/// <summary>
/// A compiled activation. The probe inputs are the engine's <see cref="ProbeFingerprint.ScalarProbes"/>
/// so a fingerprint made here agrees with <see cref="ProbeFingerprint.OfFunction"/> over the engine's
/// pure double evaluation (up to float32 learnable inits and library rounding, far below one step).
/// </summary>
public sealed class CompiledActivation(ActivationGenome genome, string? limitProblem) : ICompiledCandidate
{
    public ActivationGenome Genome { get; } = genome;
    public string Text => Genome.Text;
    public string? LimitProblem { get; } = limitProblem;
    public ISlotFactory Slot { get; } = new ActivationGenomeSlot(genome);

    public ProbeResponse Probe()
    {
        var inputs = ProbeFingerprint.ScalarProbes.ToArray();
        using var scope = NewDisposeScope();
        using var module = new ActivationModule(Genome);
        // Float64 input with the module's float32 scalar parameters: 0-dim tensors do not raise the
        // result's dtype, so every operation runs in float64.
        var x = tensor(inputs, dtype: ScalarType.Float64).requires_grad_(true);
        var y = module.forward(x);
        var outputs = y.detach().to_type(ScalarType.Float64).data<double>().ToArray();
        var gradients = new double[inputs.Length];
        if (y.requires_grad)
        {
            y.sum().backward();
            if (x.grad is { } g) gradients = g.data<double>().ToArray();
        }
        return new ProbeResponse(inputs, outputs, gradients);
    }

    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) =>
        trainedModel.modules().OfType<ActivationModule>().FirstOrDefault()?.LearnedValues
        ?? new Dictionary<string, double>();
}
