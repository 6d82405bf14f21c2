using System.Text;

namespace Cluster.Reports.Views;

/// <summary>
/// Routing layers' measures: &lt;table class="routing"&gt; with one row per front member (data-id) and one
/// column per routing metric any member reports (keys such as "task/load_cv", "max_vio",
/// "dropped_fraction", "active_experts").
/// </summary>
public static class RoutingView
{
    private static readonly string[] Measures = ["load_cv", "max_vio", "dropped_fraction", "active_experts"];

    public static bool IsMeasure(string key) => Measures.Any(m => key == m || key.EndsWith("/" + m, StringComparison.Ordinal));

    public static void Render(StringBuilder sb, RunView run)
    {
        var front = run.Front;
        var keys = front.SelectMany(f => f.Metrics?.Keys ?? Enumerable.Empty<string>()).Where(IsMeasure).Distinct().Order(StringComparer.Ordinal).ToArray();
        Html.Heading(sb, "Routing measures");
        if (keys.Length == 0)
        {
            Html.Note(sb, "empty", "no routing measures reported by the front");
            return;
        }
        Html.TableStart(sb, "routing", new[] { "id", "genome" }.Concat(keys));
        foreach (var f in front)
            Html.Row(sb, $"data-id=\"{f.Id}\"", new[] { Html.Int(f.Id), f.Genome }
                .Concat(keys.Select(k => f.Metrics is { } m && m.TryGetValue(k, out var v) ? Html.Num(v) : "-")));
        Html.TableEnd(sb);
    }
}
