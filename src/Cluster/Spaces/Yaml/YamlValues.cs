using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Yaml;

/// <summary>Typed reading of single YAML nodes, with errors at the node.</summary>
internal static class YamlValues
{
    /// <summary>Plain ~, null or nothing: YAML's null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };

    public static YamlScalarNode Scalar(SpaceSource source, YamlNode node, string key, string expected) =>
        node is YamlScalarNode s && !IsNull(s) ? s : throw source.Error(node, $"expected {expected} for '{key}', got {Describe(node)}");

    public static long Long(SpaceSource source, YamlNode node, string key, long min, long max)
    {
        var s = Scalar(source, node, key, "an integer");
        if (!long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw source.Error(s, $"expected an integer for '{key}', got '{s.Value}'");
        return v >= min && v <= max ? v : throw OutOfRange(source, s, key, Range(min, max));
    }

    public static double Double(SpaceSource source, YamlNode node, string key, double min, double max)
    {
        var s = Scalar(source, node, key, "a number");
        if (!double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw source.Error(s, $"expected a number for '{key}', got '{s.Value}'");
        return v >= min && v <= max ? v : throw OutOfRange(source, s, key, $"{Format(min)}..{Format(max)}");
    }

    public static bool Bool(SpaceSource source, YamlNode node, string key)
    {
        var s = Scalar(source, node, key, "true or false");
        return s.Value switch
        {
            "true" or "True" or "yes" or "on" => true,
            "false" or "False" or "no" or "off" => false,
            _ => throw source.Error(s, $"expected true or false for '{key}', got '{s.Value}'"),
        };
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Range(long min, long max) =>
        max == long.MaxValue || max == int.MaxValue ? $"at least {min}" : $"{min}..{max}";

    private static SearchSpaceException OutOfRange(SpaceSource source, YamlScalarNode s, string key, string range) =>
        source.Error(s, $"value {s.Value} of '{key}' is out of range; expected {range}");
}
