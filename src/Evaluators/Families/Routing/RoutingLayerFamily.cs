using Evaluators.Export;
using Evaluators.Models;
using Search.Core;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The "routing" family: gates of a mixture-of-experts layer that replaces a feed-forward block.
/// Its genomes, space and operators exist; no mixture-of-experts layer is compiled yet, so a
/// space of this family is refused when it loads.
/// </summary>
public sealed class RoutingLayerFamily : LayerFamily<RoutingGenome, RoutingSpace>
{
    public override string Name => RoutingFamily.FamilyName;
    public override SlotKind Slot => SlotKind.FeedForward;
    public override string? NotEvaluable => "no mixture-of-experts layer is compiled from its genomes yet (genome, space and operators only)";
    public override RoutingSpace Defaults { get; } = new();
    public override string Example => new RoutingFamily(new RoutingSpace()).Random(new Rng(1)).Text;

    protected override IGenomeFamily<RoutingGenome> Genomes(RoutingSpace space) => new RoutingFamily(space);
    protected override string? Violation(RoutingSpace space, RoutingGenome genome) => RoutingSpaceCheck.Violation(space, genome);
    protected override ExportLayer Export(ExportItem item, RoutingGenome genome, string className) => RoutingExportLayer.Of(item, genome, className);
}
