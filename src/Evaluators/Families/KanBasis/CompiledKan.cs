using Evaluators.Candidates;
using Evaluators.Slots;
using Search.Genomes.KanBasis;
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
        int layers = Genome.Layers.Count;
        return ScalarNetworkProbe.Run(ProbeSeed, () => nn.Sequential(Enumerable.Range(0, layers).Select(l =>
            ($"layer{l}", (nn.Module<Tensor, Tensor>)new KanLayerModule(Genome.Layers[l], l == 0 ? 1 : ProbeWidth, l == layers - 1 ? 1 : ProbeWidth)))));
    }

    /// <summary>Every KAN layer's widths and its trained tensors (for export): always when <paramref name="complete"/>, else for networks of at most <see cref="KanLearned.MaxValues"/> values.</summary>
    public IReadOnlyDictionary<string, double> ReadLearned(nn.Module<Tensor, Tensor> trainedModel, bool complete = false) =>
        KanLearned.Read(trainedModel, complete ? long.MaxValue : KanLearned.MaxValues);
}
