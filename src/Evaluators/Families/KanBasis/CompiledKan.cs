using Evaluators.Candidates;
using Evaluators.Slots;
using Evaluators.Training;
using Search.Genomes.KanBasis;
using Search.Rejection;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// A compiled KAN genome. The probe is a small fixed network of the genome's layers (widths 1, 4, ...,
/// 4, 1; float64; weights from a fixed seed) on the engine's scalar probes, so equal genomes give equal
/// fingerprints and the numeric stage sees the layers' scale and slopes before any training.
/// </summary>
public sealed class CompiledKan(KanBasisGenome genome, string? limitProblem) : ICompiledCandidate
{
    private const ulong ProbeSeed = 0x6B616E70726F6265; // "kanprobe"
    private const int ProbeWidth = 4;

    public KanBasisGenome Genome { get; } = genome;
    public string Text => Genome.Text;
    public string? LimitProblem { get; } = limitProblem;
    public ISlotFactory Slot { get; } = new KanGenomeSlot(genome);

    public ProbeResponse Probe()
    {
        var inputs = ProbeFingerprint.ScalarProbes.ToArray();
        using var scope = NewDisposeScope();
        int layers = Genome.Layers.Count;
        var network = Trainer.Seeded(ProbeSeed, () => nn.Sequential(Enumerable.Range(0, layers).Select(l =>
            ($"layer{l}", (nn.Module<Tensor, Tensor>)new KanLayerModule(Genome.Layers[l], l == 0 ? 1 : ProbeWidth, l == layers - 1 ? 1 : ProbeWidth)))));
        network.to(ScalarType.Float64);
        var x = tensor(inputs, [inputs.Length, 1], ScalarType.Float64).requires_grad_(true);
        var y = network.forward(x);
        var outputs = y.detach().flatten().data<double>().ToArray();
        y.sum().backward();
        var gradients = x.grad is { } g ? g.flatten().data<double>().ToArray() : new double[inputs.Length];
        network.Dispose();
        return new ProbeResponse(inputs, outputs, gradients);
    }

    /// <summary>Every KAN layer's widths and its trained tensors (for export): always when <paramref name="complete"/>, else for networks of at most <see cref="KanLearned.MaxValues"/> values.</summary>
    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) =>
        KanLearned.Read(trainedModel, complete ? long.MaxValue : KanLearned.MaxValues);
}
