using Evaluators.Slots;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Fills the Linear(in, out) slots of a template with KAN layers: site l takes genome layer l, and a
/// template with more Linear sites than the genome has layers gives the extra sites the last layer's
/// basis (so one genome serves tasks of different depths).
/// </summary>
public sealed class KanGenomeSlot(KanBasisGenome genome) : ISlotFactory
{
    public KanBasisGenome Genome { get; } = genome;
    public string Name => Genome.Text;

    public nn.Module<Tensor, Tensor> Create(SlotSite site) =>
        new KanLayerModule(Genome.Layers[Math.Min(site.Index, Genome.Layers.Count - 1)], site.InFeatures, site.OutFeatures);
}
