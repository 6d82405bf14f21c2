using Evaluators.Candidates;
using Evaluators.Export;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Search.Core;

namespace Evaluators.Families;

/// <summary>
/// Everything about one genome family, in one place: its name, the settings of its search space
/// (a record of the engine, e.g. ActivationSpace), its genome family over those settings, its
/// compiler and the slot kind its candidates fill, the proxy tasks that take them, its built-in
/// layers (baselines), its exporter and its `search train` option. Registered in
/// <see cref="LayerFamilies"/>; nothing else in the code switches on family names.
/// Use <see cref="LayerFamily{TGenome, TSpace}"/> to write one.
/// </summary>
public interface ILayerFamily
{
    /// <summary>The name search-space files, jobs and stored runs use, e.g. "activation".</summary>
    string Name { get; }

    /// <summary>What its candidates replace in a model template.</summary>
    SlotKind Slot { get; }

    /// <summary>Null when candidates of this family can be trained; otherwise one line saying why not.</summary>
    string? NotEvaluable { get; }

    /// <summary>The settings when a search space gives none (the family's defaults).</summary>
    object DefaultSettings { get; }

    /// <summary>The genome family over these settings, seen through IGenome.</summary>
    IGenomeFamily<IGenome> Genomes(object settings);

    /// <summary>Why the genome lies outside the space these settings describe, or null when inside.</summary>
    string? Violation(object settings, IGenome genome);

    /// <summary>The compiler of candidates under these settings.</summary>
    /// <exception cref="NotSupportedException">The family cannot be evaluated (<see cref="NotEvaluable"/>).</exception>
    ICandidateCompiler Compiler(object settings);

    /// <summary>The proxy tasks whose templates take this family's candidates (the first is the default for `train`).</summary>
    IReadOnlyList<ProxyTask> Tasks { get; }

    /// <summary>Built-in layers by name (TorchSharp's own modules), e.g. relu or bn-relu; the first is the default for `train` (else <see cref="Example"/>).</summary>
    IReadOnlyList<string> Builtins { get; }

    /// <summary>
    /// Built-in layers the family's compiler evaluates like genomes (<see cref="ICandidateCompiler.Compile"/>
    /// takes the name), so a search space can list them as baselines beside genomes: e.g. the kan-basis
    /// family's equal-parameter MLP, which is no genome of the family.
    /// </summary>
    IReadOnlyList<string> BaselineBuiltins { get; }

    /// <summary>What `search train` trains when given no layer of this family: a built-in name or a genome text.</summary>
    string DefaultLayer { get; }

    /// <summary>The `search train` option naming a layer of this family, without dashes (e.g. "activation").</summary>
    string TrainOption { get; }

    /// <summary>An example genome for help texts.</summary>
    string Example { get; }

    /// <summary>What fills a slot for `train`: a built-in name, or a genome text of this family under these settings.</summary>
    /// <exception cref="ArgumentException">Neither a built-in name nor a genome this family can compile.</exception>
    ISlotFactory Layer(string nameOrGenome, object settings);

    /// <summary>The export formats its layers can be written in (Exporter.Formats, or fewer).</summary>
    IReadOnlyList<string> ExportFormats { get; }

    /// <summary>Resolves one item for export (its genome is of this family).</summary>
    /// <exception cref="ArgumentException">The item cannot be exported (a learned value for a name the genome lacks, ...).</exception>
    ExportLayer Export(ExportItem item, string className);

    /// <summary>Whether the genome is one of this family's.</summary>
    bool Owns(IGenome genome);
}
