using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// The "routing" family: gates of a mixture-of-experts layer (<see cref="MoeLayer"/>) that replaces each
/// feed-forward block of a template (conventions in this folder's README.md).
/// </summary>
public sealed class RoutingLayerFamily : LayerFamily<RoutingGenome, RoutingSpace>
{
    public override string Name => RoutingFamily.FamilyName;
    public override SlotKind Slot => SlotKind.FeedForward;
    public override RoutingSpace Defaults { get; } = new();
    public override IReadOnlyList<ProxyTask> Tasks => RoutingTasks.All;
    /// <summary>dense-ff: the dense 4d feed-forward block a mixture replaces (the top-2 mixture's active parameters).</summary>
    public override IReadOnlyList<string> Builtins { get; } = [new DenseFeedForwardSlots().Name];
    public override string TrainOption => "routing";
    public override string Example => "gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=1.25 zloss=0.001";

    protected override IGenomeFamily<RoutingGenome> Genomes(RoutingSpace space) => new RoutingFamily(space);
    protected override string? Violation(RoutingSpace space, RoutingGenome genome) => RoutingSpaceCheck.Violation(space, genome);
    protected override ICandidateCompiler Compiler(RoutingSpace space) => new RoutingCandidateCompiler(space);
    protected override ISlotFactory Builtin(string name, RoutingSpace space) => new DenseFeedForwardSlots();
    protected override ExportLayer Export(ExportItem item, RoutingGenome genome, string className) => RoutingExportLayer.Of(item, genome, className);
}
