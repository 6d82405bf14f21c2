using System.Globalization;

namespace Evaluators.Families.Routing;

/// <summary>
/// A mixture layer's load profile: the share of the routes each expert ran, busiest first, as measures
/// <c>load_share.01</c> (the busiest) to <c>load_share.E</c> (zero-padded, so they sort in rank order).
/// Ranked rather than by expert index because expert i of one layer is unrelated to expert i of another
/// (the measures of a model's layers are averaged key by key); a balanced layer gives 1/E everywhere.
/// </summary>
public static class LoadProfile
{
    public const string Prefix = "load_share.";

    /// <summary>The profile of per-expert route counts; empty when no route ran.</summary>
    public static IEnumerable<(string Key, double Share)> Of(IReadOnlyList<double> load)
    {
        double total = load.Sum();
        if (total <= 0) yield break;
        int digits = Math.Max(2, load.Count.ToString(CultureInfo.InvariantCulture).Length);
        var ranked = load.OrderByDescending(v => v).ToArray();
        for (int r = 0; r < ranked.Length; r++)
            yield return (Prefix + (r + 1).ToString("D" + digits, CultureInfo.InvariantCulture), ranked[r] / total);
    }

    /// <summary>Whether a metric key (bare or "task/...") is part of a load profile.</summary>
    public static bool IsShare(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) || key.Contains("/" + Prefix, StringComparison.Ordinal);
}
