using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The "kan-basis" family: per-layer basis choices of Kolmogorov-Arnold layers that replace each
/// <c>Linear(in, out)</c> of a template (<see cref="KanLayerModule"/>; conventions in this folder's README).
/// </summary>
public sealed class KanBasisLayerFamily : LayerFamily<KanBasisGenome, KanSpace>
{
    public override string Name => KanBasisFamily.FamilyName;
    public override SlotKind Slot => SlotKind.Linear;
    public override KanSpace Defaults { get; } = new();
    public override IReadOnlyList<ProxyTask> Tasks => KanTasks.All;
    public override string TrainOption => "basis";
    public override string Example => "bspline(grid=5,order=3) | bspline(grid=5,order=3)";
    public override IReadOnlyList<string> Builtins { get; } = [EqualParameterMlp.BuiltinName];
    public override IReadOnlyList<string> BaselineBuiltins => Builtins;
    public override string DefaultLayer => Example;

    protected override IGenomeFamily<KanBasisGenome> Genomes(KanSpace space) => new KanBasisFamily(space);
    protected override string? Violation(KanSpace space, KanBasisGenome genome) => KanSpaceCheck.Violation(space, genome);
    protected override ICandidateCompiler Compiler(KanSpace space) => new KanCandidateCompiler(space);
    protected override ISlotFactory Builtin(string name, KanSpace space) => new EqualParameterMlp();
    protected override ExportLayer Export(ExportItem item, KanBasisGenome genome, string className) => KanExportLayer.Of(item, genome, className);
}
