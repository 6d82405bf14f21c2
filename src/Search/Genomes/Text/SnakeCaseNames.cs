namespace Search.Genomes.Text;

/// <summary>Text names of enum members in snake_case (NoisyTopK -> noisy_topk is given explicitly where it differs).</summary>
public sealed class SnakeCaseNames<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _names;
    private readonly Dictionary<string, TEnum> _values;

    public SnakeCaseNames(IReadOnlyDictionary<TEnum, string> names)
    {
        _names = new(names);
        _values = names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        foreach (TEnum v in Enum.GetValues<TEnum>())
            if (!_names.ContainsKey(v)) throw new ArgumentException($"no text name for {v}");
    }

    public string this[TEnum value] => _names[value];

    public bool TryParse(string name, out TEnum value) => _values.TryGetValue(name, out value);

    /// <summary>The names of <paramref name="values"/>, comma separated, for error messages.</summary>
    public string List(IEnumerable<TEnum> values) => string.Join(", ", values.Select(v => _names[v]));
}
