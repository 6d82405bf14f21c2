using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cluster.Spaces.Yaml;

/// <summary>
/// One YAML mapping of a search-space file, read key by key with positions: unknown keys, missing
/// required keys, wrong types and out-of-range values become <see cref="SearchSpaceException"/>s
/// at the offending node. Every value read (defaults included) goes into the source's canonical
/// record under its dotted path, unless the section is not fingerprinted (the budget).
/// </summary>
internal sealed class YamlSection
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlSection(SpaceSource source, YamlMappingNode node, string path, bool fingerprinted)
    {
        (Source, Node, Path, Fingerprinted) = (source, node, path, fingerprinted);
    }

    public SpaceSource Source { get; }
    public YamlMappingNode Node { get; }
    public string Path { get; }
    public bool Fingerprinted { get; }

    /// <summary>How messages name this mapping.</summary>
    public string Where => Path.Length == 0 ? "the top level" : $"'{Path}'";

    /// <summary>Reads a mapping whose keys must all be in <paramref name="known"/>.</summary>
    public static YamlSection Of(SpaceSource source, YamlNode node, string path, IReadOnlyList<string> known, bool fingerprinted = true)
    {
        if (node is not YamlMappingNode map)
            throw source.Error(node, $"expected a mapping for '{path}', got {YamlValues.Describe(node)}");
        var section = new YamlSection(source, map, path, fingerprinted);
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name } key) throw source.Error(k, "expected a plain key");
            if (!known.Contains(name))
                throw source.Error(k, $"unknown key '{name}' in {section.Where}; known keys: {string.Join(", ", known)}");
            section._entries[name] = (key, v);
        }
        return section;
    }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Value(key) is not null;

    /// <summary>The value of a key, or null when absent or written as null (~, null or nothing).</summary>
    public YamlNode? Value(string key) =>
        _entries.TryGetValue(key, out var e) && !YamlValues.IsNull(e.Value) ? e.Value : null;

    /// <summary>The key node itself (for positions), or the mapping when the key is absent.</summary>
    public YamlNode KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : Node;

    public YamlNode Required(string key) =>
        Value(key) ?? throw Source.Error(KeyNode(key), $"missing required key '{key}' in {Where}");

    public void Record(string key, string canonical)
    {
        if (Fingerprinted) Source.Record(PathOf(key), canonical);
    }

    public YamlSection Section(string key, IReadOnlyList<string> known) => Of(Source, Required(key), PathOf(key), known, Fingerprinted);

    public YamlSection? OptionalSection(string key, IReadOnlyList<string> known) =>
        Value(key) is { } v ? Of(Source, v, PathOf(key), known, Fingerprinted) : null;

    public string Text(string key) => Recorded(key, YamlValues.Scalar(Source, Required(key), key, "a text").Value!);

    public string Text(string key, string fallback) =>
        Recorded(key, Value(key) is { } v ? YamlValues.Scalar(Source, v, key, "a text").Value! : fallback);

    /// <summary>One of <paramref name="choices"/>; required when <paramref name="fallback"/> is null.</summary>
    public string Choice(string key, IReadOnlyList<string> choices, string? fallback = null, string what = "value")
    {
        var node = fallback is null ? Required(key) : Value(key);
        if (node is null) return Recorded(key, fallback!);
        var scalar = YamlValues.Scalar(Source, node, key, $"one of {string.Join(", ", choices)}");
        return choices.Contains(scalar.Value!)
            ? Recorded(key, scalar.Value!)
            : throw Source.Error(scalar, $"unknown {what} '{scalar.Value}' for '{key}'; choices: {string.Join(", ", choices)}");
    }

    public int Int(string key, int fallback, int min, int max) => (int)Long(key, fallback, min, max);

    public int? OptionalInt(string key, int min, int max) => Has(key) ? Int(key, 0, min, max) : null;

    public long Long(string key, long fallback, long min, long max)
    {
        long value = Value(key) is { } v ? YamlValues.Long(Source, v, key, min, max) : fallback;
        Record(key, value.ToString(CultureInfo.InvariantCulture));
        return value;
    }

    public double Double(string key, double fallback, double min, double max)
    {
        double value = Value(key) is { } v ? YamlValues.Double(Source, v, key, min, max) : fallback;
        Record(key, YamlValues.Format(value));
        return value;
    }

    public double? OptionalDouble(string key, double min, double max) => Has(key) ? Double(key, 0, min, max) : null;

    public bool Bool(string key, bool fallback)
    {
        bool value = Value(key) is { } v ? YamlValues.Bool(Source, v, key) : fallback;
        Record(key, value ? "true" : "false");
        return value;
    }

    /// <summary>A sequence of scalars (a single scalar counts as a list of one).</summary>
    public IReadOnlyList<YamlScalarNode> Scalars(string key)
    {
        var node = Value(key);
        return node switch
        {
            null => [],
            YamlScalarNode s => [s],
            YamlSequenceNode seq => seq.Children.Select(c => YamlValues.Scalar(Source, c, key, "a list of plain values")).ToArray(),
            _ => throw Source.Error(node, $"expected a list for '{key}', got {YamlValues.Describe(node)}"),
        };
    }

    /// <summary>
    /// Names from <paramref name="choices"/> (a list, or one preset name from <paramref name="presets"/>);
    /// <paramref name="fallback"/> when absent. Repeats are dropped.
    /// </summary>
    public IReadOnlyList<T> Names<T>(string key, string what, IReadOnlyDictionary<string, T> choices, IReadOnlyList<T> fallback,
        IReadOnlyDictionary<string, IReadOnlyList<T>>? presets = null) where T : notnull
    {
        var names = choices.ToDictionary(kv => kv.Value, kv => kv.Key);
        if (Value(key) is YamlScalarNode { Value: { } preset } && presets is not null && presets.TryGetValue(preset, out var listed))
            return RecordedNames(key, listed, names);
        if (!Has(key)) return RecordedNames(key, fallback, names);
        var result = new List<T>();
        foreach (var item in Scalars(key))
        {
            if (!choices.TryGetValue(item.Value!, out var value))
            {
                string more = presets is null ? "" : $" (or one of the sets: {string.Join(", ", presets.Keys)})";
                throw Source.Error(item, $"unknown {what} '{item.Value}' in '{key}'; choices: {string.Join(", ", choices.Keys)}{more}");
            }
            if (!result.Contains(value)) result.Add(value);
        }
        return RecordedNames(key, result, names);
    }

    /// <summary>An inclusive range written [min, max], each end within [lo, hi].</summary>
    public (double Min, double Max) RealRange(string key, (double Min, double Max) fallback, double lo, double hi)
    {
        var value = fallback;
        if (Value(key) is { } node)
        {
            var ends = Pair(node, key);
            value = (YamlValues.Double(Source, ends[0], key, lo, hi), YamlValues.Double(Source, ends[1], key, lo, hi));
            if (value.Min > value.Max) throw Source.Error(node, $"'{key}' is empty: {YamlValues.Format(value.Min)} > {YamlValues.Format(value.Max)}");
        }
        Record(key, $"{YamlValues.Format(value.Min)}..{YamlValues.Format(value.Max)}");
        return value;
    }

    public (int Min, int Max) IntRange(string key, (int Min, int Max) fallback, int lo, int hi)
    {
        var value = fallback;
        if (Value(key) is { } node)
        {
            var ends = Pair(node, key);
            value = ((int)YamlValues.Long(Source, ends[0], key, lo, hi), (int)YamlValues.Long(Source, ends[1], key, lo, hi));
            if (value.Min > value.Max) throw Source.Error(node, $"'{key}' is empty: {value.Min} > {value.Max}");
        }
        Record(key, $"{value.Min}..{value.Max}");
        return value;
    }

    private IReadOnlyList<YamlNode> Pair(YamlNode node, string key) =>
        node is YamlSequenceNode { Children.Count: 2 } seq
            ? seq.Children.ToArray()
            : throw Source.Error(node, $"expected [min, max] for '{key}', got {YamlValues.Describe(node)}");

    private string Recorded(string key, string value)
    {
        Record(key, value);
        return value;
    }

    private IReadOnlyList<T> RecordedNames<T>(string key, IReadOnlyList<T> values, Dictionary<T, string> names) where T : notnull
    {
        Record(key, string.Join(",", values.Select(v => names.TryGetValue(v, out var n) ? n : v.ToString())));
        return values;
    }
}
