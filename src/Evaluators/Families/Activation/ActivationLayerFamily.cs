using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;
using Search.Genomes.Activation;

namespace Evaluators.Families.Activation;

/// <summary>The "activation" family: scalar expressions over x that fill the activation slots of MLPs and CNNs.</summary>
public sealed class ActivationLayerFamily : LayerFamily<ActivationGenome, ActivationSpace>
{
    public override string Name => "activation";
    public override SlotKind Slot => SlotKind.Activation;
    public override ActivationSpace Defaults { get; } = new();
    public override IReadOnlyList<ProxyTask> Tasks => ActivationTasks.All;
    public override IReadOnlyList<string> Builtins => BuiltinActivation.Names.ToArray();
    public override string Example => "relu(x) + @e(0.01) * x * exp(-x^2 / 2)";

    protected override IGenomeFamily<ActivationGenome> Genomes(ActivationSpace space) => new ActivationFamily(space);

    protected override string? Violation(ActivationSpace space, ActivationGenome genome) =>
        new ActivationFamily(space).IsWithinLimits(genome)
            ? null
            : $"outside the space (over {space.MaxNodes} nodes or depth {space.MaxDepth}, no x, or not of the {space.Mode.Name()} shape)";

    protected override ICandidateCompiler Compiler(ActivationSpace space) => new ActivationCandidateCompiler(space);
    protected override ISlotFactory Builtin(string name, ActivationSpace space) => new BuiltinActivation(name);
    protected override ExportLayer Export(ExportItem item, ActivationGenome genome, string className) => ActivationExportLayer.Of(item, genome, className);
}
