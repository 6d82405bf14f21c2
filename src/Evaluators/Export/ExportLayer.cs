using System.Text;
using System.Text.Json;
using Evaluators.Families;

namespace Evaluators.Export;

/// <summary>
/// An <see cref="ExportItem"/> resolved once for every format by its family's exporter
/// (<see cref="ILayerFamily.Export"/>): its family, the values to write, and a class name that is
/// a valid identifier in C# and Python and unique within the export. Each family's layer writes
/// itself in every format; the format writers add the file around the layers.
/// </summary>
public abstract record ExportLayer(ExportItem Item, string Family, string ClassName)
{
    /// <summary>Named values the layer is written with (JSON "learnables": init and value).</summary>
    public abstract IReadOnlyList<LearnedScalar> Learnables { get; }

    /// <summary>Module-level Python code the class needs, written once per file (empty for none).</summary>
    public virtual string PythonHelpers => "";

    /// <summary>C# declarations the class needs beside it in the namespace, written once per file (empty for none).</summary>
    public virtual string CSharpHelpers => "";

    /// <summary>Family members of the layer's JSON document, written after "learnables" (none by default).</summary>
    public virtual void WriteJson(Utf8JsonWriter writer) { }

    /// <summary>Appends the PyTorch <c>nn.Module</c> class.</summary>
    public abstract void WritePyTorch(StringBuilder sb);

    /// <summary>Appends the TorchSharp <c>Module&lt;Tensor, Tensor&gt;</c> class.</summary>
    public abstract void WriteTorchSharp(StringBuilder sb);

    /// <summary>The right-hand side of the layer's LaTeX equation (and any values listed after it).</summary>
    public abstract string Latex();

    /// <summary>Resolves every item; class names are made unique in item order.</summary>
    /// <exception cref="ArgumentException">A genome no family can export, or a learned value for a name the genome lacks.</exception>
    public static IReadOnlyList<ExportLayer> ResolveAll(IReadOnlyList<ExportItem> items)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        return items.Select(item => Resolve(item, Identifiers.UniqueClassName(item.Name, used))).ToArray();
    }

    public static ExportLayer Resolve(ExportItem item) => Resolve(item, Identifiers.ClassName(item.Name));

    private static ExportLayer Resolve(ExportItem item, string className)
    {
        var family = LayerFamilies.Of(item.Genome);
        if (family.NotEvaluable is { } why)
            throw new ArgumentException($"'{item.Name}': {family.Name} layers cannot be exported yet: {why}", nameof(item));
        return family.Export(item, className);
    }

    /// <summary>The values to write for a genome's learnables: trained where the item names them, else the init.</summary>
    /// <exception cref="ArgumentException">A learned value for a name the genome lacks.</exception>
    public static LearnedScalar[] Scalars(ExportItem item, IReadOnlyDictionary<string, double> inits)
    {
        var learned = item.Learned ?? new Dictionary<string, double>();
        foreach (var name in learned.Keys)
            if (!inits.ContainsKey(name))
                throw new ArgumentException($"'{item.Name}': '{name}' is not a learnable of {item.Genome.Text}", nameof(item));
        return inits.Select(kv => new LearnedScalar(kv.Key, kv.Value, learned.TryGetValue(kv.Key, out double v) ? v : kv.Value)).ToArray();
    }
}
