using Evaluators.Slots;
using Evaluators.Compile;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Activation;

/// <summary>Fills a slot with a compiled activation genome (one module, own scalars, per position).</summary>
public sealed class ActivationGenomeSlot(ActivationGenome genome) : ISlotFactory
{
    public ActivationGenome Genome { get; } = genome;
    public string Name => Genome.Text;
    public nn.Module<Tensor, Tensor> Create(SlotSite site) => new ActivationModule(Genome);
}
