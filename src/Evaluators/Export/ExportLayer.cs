using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.Expressions;
using Search.Genomes.NormAct;

namespace Evaluators.Export;

/// <summary>
/// An <see cref="ExportItem"/> resolved once for every format: its family, canonical tree and
/// vocabulary, its learnables with the values to write, and a class name that is a valid
/// identifier in C# and Python and unique within the export.
/// </summary>
public sealed record ExportLayer(ExportItem Item, string Family, Expr Root, PrimitiveSet Set,
    IReadOnlyList<LearnedScalar> Learnables, string ClassName)
{
    public const string ActivationFamilyName = "activation", NormActFamilyName = "norm-act";

    public bool IsActivation => Family == ActivationFamilyName;

    /// <summary>Resolves every item; class names are made unique in item order.</summary>
    /// <exception cref="ArgumentException">An unsupported genome type, or a learned value for a name the genome lacks.</exception>
    public static IReadOnlyList<ExportLayer> ResolveAll(IReadOnlyList<ExportItem> items)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        return items.Select(item => Resolve(item, Identifiers.UniqueClassName(item.Name, used))).ToArray();
    }

    public static ExportLayer Resolve(ExportItem item) => Resolve(item, Identifiers.ClassName(item.Name));

    private static ExportLayer Resolve(ExportItem item, string className) => item.Genome switch
    {
        ActivationGenome a => new(item, ActivationFamilyName, a.Root, ActivationPrimitives.Set, Scalars(item, a.Learnables), className),
        NormActGenome when item.Learned is { Count: > 0 } =>
            throw new ArgumentException($"'{item.Name}': norm-act parameters are per-channel; scalar learned values do not apply", nameof(item)),
        NormActGenome n => new(item, NormActFamilyName, n.Root, NormActPrimitives.Set, Scalars(item, n.Parameters), className),
        _ => throw new ArgumentException($"'{item.Name}': cannot export a {item.Genome.GetType().Name} (activation and norm-act genomes only)", nameof(item)),
    };

    private static LearnedScalar[] Scalars(ExportItem item, IReadOnlyDictionary<string, double> inits)
    {
        var learned = item.Learned ?? new Dictionary<string, double>();
        foreach (var name in learned.Keys)
            if (!inits.ContainsKey(name))
                throw new ArgumentException($"'{item.Name}': '{name}' is not a learnable of {item.Genome.Text}", nameof(item));
        return inits.Select(kv => new LearnedScalar(kv.Key, kv.Value, learned.TryGetValue(kv.Key, out double v) ? v : kv.Value)).ToArray();
    }
}
