using Cluster.Spaces.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Sections;

/// <summary>Flat strategy settings being read from a file: each value and the node it came from, for messages.</summary>
internal sealed record StrategyValues(SpaceSource Source, int Objectives, Dictionary<string, string> Values, Dictionary<string, YamlNode> Nodes)
{
    public void Set(string key, string value, YamlNode node)
    {
        Values[key] = value;
        Nodes[key] = node;
    }

    /// <summary>The values under one key, as one canonical text for the space fingerprint.</summary>
    public string Canonical(string key) => string.Join("; ", Values
        .Where(kv => kv.Key == key || kv.Key.StartsWith(key + ".", StringComparison.Ordinal))
        .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
