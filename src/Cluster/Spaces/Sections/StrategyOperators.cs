using System.Globalization;
using Cluster.Spaces.Yaml;
using Search.Reinsertion;
using Search.Selection;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The genetic strategy's operator settings, read into the flat keys the registries take:
/// selection and reinsertion as a name or a mapping with "name" and that operator's settings, and
/// termination as one criterion (any / all holding a list of them). Positions are kept per key.
/// </summary>
internal static class StrategyOperators
{
    private static readonly Dictionary<string, string[]> SelectionKeys = new()
    {
        ["tournament"] = ["size"], ["pareto-tournament"] = ["size"], ["truncation"] = ["fraction"],
    };

    private static readonly Dictionary<string, string[]> ReinsertionKeys = new() { ["elitist"] = ["elites"] };

    /// <summary>File names of the termination criteria and their registry names.</summary>
    private static readonly Dictionary<string, string> Criteria = new()
    {
        ["generations"] = "generations", ["evaluations"] = "evaluations", ["wall_time_seconds"] = "wall-time",
        ["stagnation"] = "stagnation", ["fitness"] = "fitness", ["any"] = "any", ["all"] = "all",
    };

    public static void Selection(StrategyValues r, YamlNode node, string path, string key) =>
        Operator(r, node, path, key, "selection", SelectionRegistry.Names, SelectionKeys, (s, k) => k switch
        {
            "fraction" => YamlValues.Format(s.Double(k, 0, 1e-9, 1)),
            _ => Invariant(s.Int(k, 0, 1, int.MaxValue)),
        });

    public static void Reinsertion(StrategyValues r, YamlNode node, string path, string key) =>
        Operator(r, node, path, key, "reinsertion", ReinsertionRegistry.Names, ReinsertionKeys,
            (s, k) => Invariant(s.Int(k, 0, 0, int.MaxValue)));

    public static void Termination(StrategyValues r, YamlNode node, string path, string key)
    {
        var (name, value) = Single(r, node, path);
        r.Set(key, name, node);
        Fill(r, name, value, path, key + ".");
    }

    private static void Operator(StrategyValues r, YamlNode node, string path, string key, string what, IReadOnlyList<string> names,
        Dictionary<string, string[]> keysOf, Func<YamlSection, string, string> read)
    {
        var nameNode = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n : node;
        var scalar = YamlValues.Scalar(r.Source, nameNode, path, $"a {what} name or a mapping with 'name'");
        if (!names.Contains(scalar.Value!))
            throw r.Source.Error(scalar, $"unknown {what} '{scalar.Value}' for '{path}'; choices: {string.Join(", ", names)}");
        r.Set(key, scalar.Value!, scalar);
        if (node is not YamlMappingNode) return;
        var own = keysOf.GetValueOrDefault(scalar.Value!, []);
        var s = YamlSection.Of(r.Source, node, path, own.Prepend("name").ToArray(), fingerprinted: false);
        foreach (var k in own)
            if (s.Value(k) is { } v) r.Set($"{key}.{k}", read(s, k), v);
    }

    // A termination is a mapping with exactly one criterion.
    private static (string Name, YamlNode Value) Single(StrategyValues r, YamlNode node, string path)
    {
        string choices = string.Join(", ", Criteria.Keys);
        if (node is not YamlMappingNode { Children.Count: 1 } map)
            throw r.Source.Error(node, $"expected a mapping with one criterion for '{path}' (one of {choices}), got {YamlValues.Describe(node)}");
        var (k, v) = map.Children.First();
        var key = YamlValues.Scalar(r.Source, k, path, "a criterion name");
        return Criteria.TryGetValue(key.Value!, out var name)
            ? (name, v)
            : throw r.Source.Error(key, $"unknown termination criterion '{key.Value}' in '{path}'; choices: {choices}");
    }

    private static void Fill(StrategyValues r, string name, YamlNode value, string path, string prefix)
    {
        string at = $"{path}.{Criteria.First(c => c.Value == name).Key}";
        switch (name)
        {
            case "generations" or "evaluations":
                r.Set(prefix + "max", Invariant(YamlValues.Long(r.Source, value, at, 1, int.MaxValue)), value);
                break;
            case "wall-time":
                r.Set(prefix + "seconds", YamlValues.Format(YamlValues.Double(r.Source, value, at, 1, 1e9)), value);
                break;
            case "stagnation" when value is YamlMappingNode:
                var st = YamlSection.Of(r.Source, value, at, ["generations", "tolerance"], fingerprinted: false);
                r.Set(prefix + "generations", Invariant(st.Int("generations", 20, 1, int.MaxValue)), st.KeyNode("generations"));
                r.Set(prefix + "tolerance", YamlValues.Format(st.Double("tolerance", 0, 0, 1e12)), st.KeyNode("tolerance"));
                break;
            case "stagnation":
                r.Set(prefix + "generations", Invariant(YamlValues.Long(r.Source, value, at, 1, int.MaxValue)), value);
                break;
            case "fitness" when value is YamlMappingNode:
                var f = YamlSection.Of(r.Source, value, at, ["objective", "value"], fingerprinted: false);
                f.Required("value");
                r.Set(prefix + "objective", Invariant(f.Int("objective", 0, 0, r.Objectives - 1)), f.KeyNode("objective"));
                r.Set(prefix + "value", YamlValues.Format(f.Double("value", 0, -1e300, 1e300)), f.Required("value"));
                break;
            case "fitness":
                r.Set(prefix + "value", YamlValues.Format(YamlValues.Double(r.Source, value, at, -1e300, 1e300)), value);
                break;
            default:
                Members(r, value, at, prefix);
                break;
        }
    }

    private static void Members(StrategyValues r, YamlNode value, string path, string prefix)
    {
        if (value is not YamlSequenceNode { Children.Count: > 0 } list)
            throw r.Source.Error(value, $"expected a non-empty list of criteria for '{path}', got {YamlValues.Describe(value)}");
        var names = new List<string>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            var (name, member) = Single(r, list.Children[i], $"{path}.{i}");
            if (names.Contains(name))
                throw r.Source.Error(list.Children[i], $"'{path}' names '{name}' twice; each criterion once (nest any / all to combine more)");
            names.Add(name);
            Fill(r, name, member, $"{path}.{i}", $"{prefix}{name}.");
        }
        r.Set(prefix + "criteria", string.Join(", ", names), value);
    }

    private static string Invariant(long v) => v.ToString(CultureInfo.InvariantCulture);

}
