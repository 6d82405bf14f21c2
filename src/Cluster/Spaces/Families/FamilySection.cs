using Cluster.Spaces.Yaml;
using Evaluators.Families;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Families;

/// <summary>
/// The "family" section: its name picks the registered family (Evaluators.Families.LayerFamilies)
/// and that family's reader (<see cref="IFamilySection"/>). A family that cannot be evaluated is
/// refused here, at load time, rather than failing every job of the run.
/// </summary>
internal static class FamilySection
{
    public const string Key = "family";

    private static readonly IReadOnlyDictionary<string, IFamilySection> Readers = typeof(IFamilySection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFamilySection).IsAssignableFrom(t))
        .Select(t => (IFamilySection)Activator.CreateInstance(t)!)
        .ToDictionary(r => r.Family, StringComparer.Ordinal);

    /// <summary>The families with a section reader (a test checks these are exactly the registered ones).</summary>
    public static IReadOnlyCollection<string> ReaderFamilies => Readers.Keys.ToArray();

    /// <summary>The family and its settings; a family that cannot be evaluated is refused (after its settings are checked).</summary>
    public static LoadedFamily Read(YamlSection top)
    {
        var loaded = ReadSettings(top, out var name);
        if (loaded.Space.Family.NotEvaluable is { } why)
            throw top.Source.Error(name, $"family '{loaded.Space.Family.Name}' cannot be evaluated yet: {why}; evaluable families: " +
                                         string.Join(", ", LayerFamilies.All.Where(f => f.NotEvaluable is null).Select(f => f.Name)));
        return loaded;
    }

    /// <summary>The family and its settings, evaluable or not (the readers of every family are tested this way).</summary>
    public static LoadedFamily ReadSettings(YamlSection top, out YamlNode name)
    {
        var names = LayerFamilies.Names;
        var node = top.Required(Key);
        name = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n : null!;
        if (name is null) throw top.Source.Error(node, $"missing required key 'name' in '{Key}'; choices: " + string.Join(", ", names));
        var choice = YamlValues.Scalar(top.Source, name, "name", "a family name").Value!;
        var family = LayerFamilies.Find(choice) ?? throw top.Source.Error(name, $"unknown family '{choice}'; choices: {string.Join(", ", names)}");
        var reader = Readers.GetValueOrDefault(choice) ?? throw new InvalidOperationException($"family '{choice}' is registered but has no IFamilySection reader");

        var s = YamlSection.Of(top.Source, node, Key, reader.Keys);
        s.Choice("name", names);
        var settings = reader.Read(s);
        var genomes = Build(s, () => family.Genomes(settings));
        ulong fingerprint = SpaceFingerprint.Of(top.Source.Canonical.Where(kv => kv.Key.StartsWith(Key + ".", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        return new LoadedFamily(new FamilySpace(family, settings, Text(node), fingerprint), genomes);
    }

    /// <summary>Builds from the settings; the space's own consistency checks are reported at the section.</summary>
    public static T Build<T>(YamlSection s, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw s.Source.Error(s.Node, $"inconsistent family settings: {e.Message}");
        }
    }

    // The section as jobs carry it: a one-key document "family: {...}" in flow style (comments and layout dropped).
    private static string Text(YamlNode node)
    {
        var root = new YamlMappingNode { { Key, node } };
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
