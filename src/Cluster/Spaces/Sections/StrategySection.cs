using System.Globalization;
using Cluster.Spaces.Yaml;
using Search.Configuration;
using Search.Core;
using Search.Strategies;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "strategy" section: a name from <see cref="StrategyRegistry"/> and that strategy's
/// settings; islands take "inner" as a name or a mapping with the inner strategy's name and settings.
/// The strategy is built once here so that inconsistent settings are refused at load time.
/// </summary>
internal static class StrategySection
{
    public static (string Name, Func<IStrategy<IGenome>> Create) Read(YamlSection top, int objectives)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var node = top.Required("strategy");
        string name = ReadInto(top.Source, node, "strategy", "", objectives, values, nodes, allowIslands: true);
        Settings Fresh() => new(values);

        try
        {
            var settings = Fresh();
            StrategyRegistry.Create<IGenome>(name, settings);
            if (settings.Unused.FirstOrDefault() is { } unused)
                throw top.Source.Error(nodes.GetValueOrDefault(unused, node), $"setting '{unused}' is not read by strategy '{name}'");
        }
        catch (ArgumentException e)
        {
            string? key = StrategyKeys.KeyOfParameter(e.ParamName);
            var at = key is null ? node : nodes.GetValueOrDefault(key) ?? nodes.GetValueOrDefault("inner." + key) ?? node;
            throw top.Source.Error(at, $"inconsistent strategy settings: {Describe(e, key, values)}");
        }
        return (name, () => StrategyRegistry.Create<IGenome>(name, Fresh()));
    }

    // Reads one strategy mapping into flat registry settings (inner ones under "inner."); returns its name.
    private static string ReadInto(SpaceSource source, YamlNode node, string path, string prefix, int objectives,
        Dictionary<string, string> values, Dictionary<string, YamlNode> nodes, bool allowIslands)
    {
        var names = allowIslands ? StrategyRegistry.Names : StrategyKeys.OnIslands;
        var nameNode = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n : null;
        if (nameNode is null) throw source.Error(node, $"missing required key 'name' in '{path}'; choices: {string.Join(", ", names)}");
        string name = YamlValues.Scalar(source, nameNode, "name", "a strategy name").Value!;
        if (!names.Contains(name)) throw source.Error(nameNode, $"unknown strategy '{name}'; choices: {string.Join(", ", names)}");

        var kinds = StrategyKeys.Of[name];
        var s = YamlSection.Of(source, node, path, kinds.Keys.Prepend("name").ToArray());
        s.Choice("name", names, what: "strategy");
        foreach (var (key, kind) in kinds)
        {
            if (s.Value(key) is not { } value) continue;
            nodes[prefix + key] = value;
            if (kind == StrategyKeys.Kind.Strategy)
            {
                values[prefix + key] = value is YamlScalarNode scalar
                    ? Inner(source, scalar, StrategyKeys.OnIslands)
                    : ReadInto(source, value, s.PathOf(key), prefix + key + ".", objectives, values, nodes, allowIslands: false);
                s.Record(key, values[prefix + key]);
                continue;
            }
            if (kind is StrategyKeys.Kind.Selection or StrategyKeys.Kind.Reinsertion or StrategyKeys.Kind.Termination)
            {
                var into = new StrategyValues(source, objectives, values, nodes);
                if (kind == StrategyKeys.Kind.Selection) StrategyOperators.Selection(into, value, s.PathOf(key), prefix + key);
                else if (kind == StrategyKeys.Kind.Reinsertion) StrategyOperators.Reinsertion(into, value, s.PathOf(key), prefix + key);
                else StrategyOperators.Termination(into, value, s.PathOf(key), prefix + key);
                s.Record(key, into.Canonical(prefix + key));
                continue;
            }
            values[prefix + key] = kind switch
            {
                StrategyKeys.Kind.PositiveInt => Invariant(s.Int(key, 0, 1, int.MaxValue)),
                StrategyKeys.Kind.NonNegativeInt => Invariant(s.Int(key, 0, 0, int.MaxValue)),
                StrategyKeys.Kind.Probability => YamlValues.Format(s.Double(key, 0, 0, 1)),
                _ => Weights(s, key, objectives),
            };
        }
        return name;
    }

    // "'sample' = 9 must be in [1, 8]" rather than the exception's multi-line text.
    private static string Describe(ArgumentException e, string? key, Dictionary<string, string> values)
    {
        string message = e.Message.Split(" (Parameter")[0].Split('\n')[0];
        if (key is null) return message;
        string value = values.GetValueOrDefault(key) ?? values.GetValueOrDefault("inner." + key) ?? "(default)";
        return $"'{key}' = {value} {message}";
    }

    private static string Inner(SpaceSource source, YamlScalarNode scalar, IReadOnlyList<string> names) =>
        names.Contains(scalar.Value!)
            ? scalar.Value!
            : throw source.Error(scalar, $"unknown inner strategy '{scalar.Value}'; choices: {string.Join(", ", names)}");

    private static string Weights(YamlSection s, string key, int objectives)
    {
        var items = s.Scalars(key);
        if (items.Count != objectives)
            throw s.Source.Error(s.Value(key)!, $"'{key}' needs one weight per objective ({objectives}), got {items.Count}");
        var text = string.Join(", ", items.Select(i => YamlValues.Format(YamlValues.Double(s.Source, i, key, 0, 1e6))));
        s.Record(key, text);
        return text;
    }

    private static string Invariant(int v) => v.ToString(CultureInfo.InvariantCulture);
}
