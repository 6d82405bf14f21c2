using Evaluators.Slots;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing;

/// <summary>
/// Fills the feed-forward slots of a template with mixture-of-experts layers of one routing genome:
/// every expert is Linear(d, h) -> GELU -> Linear(h, d) with h = <see cref="HiddenPerFeature"/> d, so a
/// top-2 layer runs the active parameters of the dense 4d feed-forward block it replaces (the
/// <c>dense</c> built-in), and top-1 half of them.
/// </summary>
public sealed class RoutingGenomeSlot(RoutingGenome genome) : ISlotFactory
{
    public const int HiddenPerFeature = 2;

    public RoutingGenome Genome { get; } = genome;
    public string Name => Genome.Text;

    public nn.Module<Tensor, Tensor> Create(SlotSite site)
    {
        if (site.InFeatures != site.OutFeatures)
            throw new ArgumentException($"a mixture-of-experts layer replaces a feed-forward block of equal width in and out, not {site.InFeatures} -> {site.OutFeatures}");
        return new MoeLayer(Genome, site.InFeatures, HiddenPerFeature * site.InFeatures);
    }
}
