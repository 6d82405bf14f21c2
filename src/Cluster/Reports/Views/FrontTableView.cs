using System.Globalization;
using System.Text;

namespace Cluster.Reports.Views;

/// <summary>
/// The front, best first on the first objective (&lt;tr class="front-row" data-id&gt;: id, genome,
/// objectives by name, rung, learned scalars), then every baseline (&lt;tr class="baseline-row"&gt;).
/// </summary>
public static class FrontTableView
{
    private const int MaxListedLearned = 8;

    public static void Render(StringBuilder sb, RunView run)
    {
        var names = run.ObjectiveNames;
        Html.Heading(sb, "Front and baselines");
        Html.TableStart(sb, "front", new[] { "", "id", "genome" }.Concat(names).Concat(["rung", "learned"]));
        foreach (var f in run.Front)
            Html.Row(sb, $"class=\"front-row\" data-id=\"{f.Id}\"",
                new[] { "front", Html.Int(f.Id), f.Genome }.Concat(Values(f.Objectives, names.Count)).Concat([f.Rung.ToString(CultureInfo.InvariantCulture), Learned(f.Learned)]));
        foreach (var b in run.Run.Baselines)
            Html.Row(sb, "class=\"baseline-row\"",
                new[] { "baseline", "-", b.Genome }
                    .Concat(b.Objectives is { } o ? Values(o, names.Count) : Enumerable.Repeat("", Math.Max(0, names.Count - 1)).Prepend($"rejected at {b.Stage}: {b.Reason}"))
                    .Concat(["", Learned(b.Learned)]));
        Html.TableEnd(sb);
    }

    private static IEnumerable<string> Values(double[] values, int count) =>
        Enumerable.Range(0, Math.Max(count, values.Length)).Select(i => i < values.Length ? Html.Num(values[i]) : "");

    internal static string Learned(Dictionary<string, double>? learned) => learned is null or { Count: 0 } ? ""
        : learned.Count > MaxListedLearned ? $"{learned.Count} values"
        : string.Join(", ", learned.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Html.Num(kv.Value)}"));
}
