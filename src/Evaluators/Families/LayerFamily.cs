using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;
using Search.Variation;

namespace Evaluators.Families;

/// <summary>
/// The typed base of a family plugin: subclasses implement the typed members; the untyped
/// <see cref="ILayerFamily"/> members check the settings' and genomes' types once, here.
/// A family that cannot be evaluated yet overrides <see cref="NotEvaluable"/> and leaves the
/// compiler, tasks, built-ins and exporter at their refusing defaults.
/// </summary>
public abstract class LayerFamily<TGenome, TSpace> : ILayerFamily where TGenome : class, IGenome where TSpace : class
{
    public abstract string Name { get; }
    public abstract SlotKind Slot { get; }
    public virtual string? NotEvaluable => null;
    public abstract TSpace Defaults { get; }
    public object DefaultSettings => Defaults;
    public virtual IReadOnlyList<ProxyTask> Tasks => [];
    public virtual IReadOnlyList<string> Builtins => [];
    public virtual IReadOnlyList<string> BaselineBuiltins => [];
    public virtual string DefaultLayer => Builtins.FirstOrDefault() ?? Example;
    public virtual string TrainOption => Name;
    public abstract string Example { get; }
    public virtual IReadOnlyList<string> ExportFormats => Exporter.Formats;

    protected abstract IGenomeFamily<TGenome> Genomes(TSpace space);
    protected abstract string? Violation(TSpace space, TGenome genome);
    protected virtual ICandidateCompiler Compiler(TSpace space) => throw Refused();
    protected virtual ISlotFactory Builtin(string name, TSpace space) => throw Refused();
    protected virtual ExportLayer Export(ExportItem item, TGenome genome, string className) => throw Refused();

    public IGenomeFamily<IGenome> Genomes(object settings) => Genomes(Space(settings)).Erase();
    public string? Violation(object settings, IGenome genome) => Violation(Space(settings), Genome(genome));
    public ICandidateCompiler Compiler(object settings) => Compiler(Space(settings));
    public bool Owns(IGenome genome) => genome is TGenome;
    public ExportLayer Export(ExportItem item, string className) => Export(item, Genome(item.Genome), className);

    public ISlotFactory Layer(string nameOrGenome, object settings)
    {
        var space = Space(settings);
        if (Builtins.Contains(nameOrGenome)) return Builtin(nameOrGenome, space);
        if (NotEvaluable is { } why) throw new ArgumentException($"'{Name}' layers cannot be trained yet: {why}");
        var compiled = Compiler(space).Compile(nameOrGenome);
        return compiled.Slot;
    }

    private TSpace Space(object settings) => settings as TSpace
        ?? throw new ArgumentException($"the '{Name}' family takes {typeof(TSpace).Name} settings, not {settings?.GetType().Name ?? "null"}", nameof(settings));

    private TGenome Genome(IGenome genome) => genome as TGenome
        ?? throw new ArgumentException($"a {genome.GetType().Name} is not a genome of the '{Name}' family", nameof(genome));

    private NotSupportedException Refused() => new($"the '{Name}' family cannot be evaluated: {NotEvaluable ?? "no compiler"}");
}
