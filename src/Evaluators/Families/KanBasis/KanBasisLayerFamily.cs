using Evaluators.Models;
using Search.Core;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// The "kan-basis" family: per-layer basis choices of Kolmogorov-Arnold layers that replace a
/// <c>Linear(in, out)</c>. Its genomes, space and operators exist; no KAN layer is compiled yet,
/// so a space of this family is refused when it loads.
/// </summary>
public sealed class KanBasisLayerFamily : LayerFamily<KanBasisGenome, KanSpace>
{
    public override string Name => KanBasisFamily.FamilyName;
    public override SlotKind Slot => SlotKind.Linear;
    public override string? NotEvaluable => "no KAN layer is compiled from its genomes yet (genome, space and operators only)";
    public override KanSpace Defaults { get; } = new();
    public override string Example => new KanBasisFamily(new KanSpace()).Random(new Rng(1)).Text;

    protected override IGenomeFamily<KanBasisGenome> Genomes(KanSpace space) => new KanBasisFamily(space);
    protected override string? Violation(KanSpace space, KanBasisGenome genome) => KanSpaceCheck.Violation(space, genome);
}
