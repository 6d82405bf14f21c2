using System.Globalization;

namespace Search.Configuration;

/// <summary>
/// Named settings of a configurable part (a strategy, selection, termination) as read from a
/// search-space file: string keys and values, read typed with a default. Unknown keys are ignored
/// by the reader and reported by <see cref="Unused"/>.
/// </summary>
public sealed class Settings
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Settings(IReadOnlyDictionary<string, string>? values = null) =>
        _values = values is null ? [] : new Dictionary<string, string>(values, StringComparer.Ordinal);

    public static Settings Empty => new();

    public static Settings Of(params (string Key, object Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal));

    public bool Has(string key) => _values.ContainsKey(key);

    public string String(string key, string fallback) => Read(key) ?? fallback;

    public int Int(string key, int fallback) => Read(key) is { } s
        ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(key, s, "an integer")
        : fallback;

    public long Long(string key, long fallback) => Read(key) is { } s
        ? long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw Bad(key, s, "an integer")
        : fallback;

    public double Double(string key, double fallback) => Read(key) is { } s
        ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(key, s, "a number")
        : fallback;

    /// <summary>A comma-separated list of numbers, e.g. scalarisation weights "1, 0.5".</summary>
    public double[]? Doubles(string key) => Read(key) is { } s
        ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(key, s, "numbers separated by commas"))
            .ToArray()
        : null;

    /// <summary>The settings whose keys start with prefix, with the prefix removed (e.g. "inner." for islands).</summary>
    public Settings Section(string prefix)
    {
        var section = new Settings(_values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal));
        foreach (var key in _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))) _read.Add(key);
        return section;
    }

    /// <summary>Keys never read: typos in a configuration file.</summary>
    public IReadOnlyList<string> Unused => _values.Keys.Where(k => !_read.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    private string? Read(string key)
    {
        _read.Add(key);
        return _values.TryGetValue(key, out var v) ? v : null;
    }

    private static FormatException Bad(string key, string value, string expected) =>
        new($"setting '{key}' = '{value}': expected {expected}");
}
