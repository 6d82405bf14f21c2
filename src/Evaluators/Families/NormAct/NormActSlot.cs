using Evaluators.Slots;
using Evaluators.Compile;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.NormAct;

/// <summary>Fills a slot with a compiled norm-act genome (one layer, own parameters and running statistics, per position).</summary>
public sealed class NormActSlot(NormActGenome genome, int groups = 32) : ISlotFactory
{
    public NormActGenome Genome { get; } = genome;

    /// <summary>Groups of the group aggregates (NormActSpace.Groups); each layer lowers it to divide its channels.</summary>
    public int Groups { get; } = groups;

    public string Name => Genome.Text;
    public nn.Module<Tensor, Tensor> Create(SlotSite site) => new NormActModule(Genome, site.InFeatures, Groups);
}
