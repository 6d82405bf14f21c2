using Cluster.Spaces.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Families;

/// <summary>The "family" section: its name picks which settings it takes.</summary>
internal static class FamilySection
{
    public static readonly string[] Names = ["activation", "norm-act", "kan-basis", "routing"];

    public static LoadedFamily Read(YamlSection top)
    {
        var node = top.Required("family");
        var name = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n : null;
        if (name is null) throw top.Source.Error(node, "missing required key 'name' in 'family'; choices: " + string.Join(", ", Names));
        var choice = YamlValues.Scalar(top.Source, name, "name", "a family name").Value!;
        string[] keys = choice switch
        {
            "activation" => ActivationSection.Keys,
            "norm-act" => NormActSection.Keys,
            "kan-basis" => KanSection.Keys,
            "routing" => RoutingSection.Keys,
            _ => throw top.Source.Error(name, $"unknown family '{choice}'; choices: {string.Join(", ", Names)}"),
        };
        var s = YamlSection.Of(top.Source, node, "family", keys);
        s.Choice("name", Names);
        return choice switch
        {
            "activation" => ActivationSection.Read(s),
            "norm-act" => NormActSection.Read(s),
            "kan-basis" => KanSection.Read(s),
            _ => RoutingSection.Read(s),
        };
    }

    /// <summary>Builds the family; the space's own consistency checks are reported at the section.</summary>
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
}
