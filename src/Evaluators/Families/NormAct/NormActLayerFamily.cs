using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;
using Search.Genomes.NormAct;

namespace Evaluators.Families.NormAct;

/// <summary>The "norm-act" family (EvoNorms): tensor-to-tensor graphs that replace the BatchNorm + ReLU pairs of CNNs.</summary>
public sealed class NormActLayerFamily : LayerFamily<NormActGenome, NormActSpace>
{
    public override string Name => "norm-act";
    public override SlotKind Slot => SlotKind.NormAct;
    public override NormActSpace Defaults { get; } = new();
    public override IReadOnlyList<ProxyTask> Tasks => NormActTasks.All;
    public override IReadOnlyList<string> Builtins => BuiltinNormAct.Names.ToArray();
    public override string TrainOption => "layer";
    public override string Example => "x * sigmoid(v1 * x) / group_std(x) * gamma + beta";

    protected override IGenomeFamily<NormActGenome> Genomes(NormActSpace space) => new NormActFamily(space);

    protected override string? Violation(NormActSpace space, NormActGenome genome) =>
        new NormActFamily(space).IsWithinLimits(genome)
            ? null
            : $"outside the space (over {space.MaxNodes} op nodes, tree size {space.MaxTreeSize} or depth {space.MaxDepth}, or no x)";

    protected override ICandidateCompiler Compiler(NormActSpace space) => new NormActCandidateCompiler(space);
    protected override ISlotFactory Builtin(string name, NormActSpace space) => new BuiltinNormAct(name, space.Groups);
    protected override ExportLayer Export(ExportItem item, NormActGenome genome, string className) => NormActExportLayer.Of(item, genome, className);
}
