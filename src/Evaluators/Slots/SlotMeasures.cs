namespace Evaluators.Slots;

/// <summary>Combines what several measured slot modules (or runs) reported: the mean per metric name.</summary>
public static class SlotMeasures
{
    public static IReadOnlyDictionary<string, double> None { get; } = new Dictionary<string, double>();

    /// <summary>Key-by-key means of the modules' measures; a key some module lacks is averaged over those that have it.</summary>
    public static IReadOnlyDictionary<string, double> Average(IEnumerable<IMeasuredSlot> modules) =>
        Average(modules.Select(m => m.Measures));

    public static IReadOnlyDictionary<string, double> Average(IEnumerable<IReadOnlyDictionary<string, double>> measures)
    {
        var all = measures.SelectMany(m => m).ToArray();
        if (all.Length == 0) return None;
        return all.GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(kv => kv.Value), StringComparer.Ordinal);
    }
}
