using System.Text;
using Evaluators.Families.Routing;

namespace Cluster.Reports.Views;

/// <summary>
/// Routing layers' measures: &lt;table class="routing"&gt; with one row per front member (data-id) and one
/// column per routing metric any member reports (keys such as "task/load_cv", "max_vio",
/// "dropped_fraction", "active_experts"), then each member's load profile as a histogram:
/// &lt;svg class="load-histogram" data-id&gt; with one &lt;rect class="load-bar" data-rank&gt; per expert (its
/// share of the routes, busiest first, <see cref="LoadProfile"/>) over a line at the balanced 1/E.
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
        Histograms(sb, front);
    }

    /// <summary>The first task's profile of each member that reports one (multi-task runs measure each task; one suffices to see balance).</summary>
    private static void Histograms(StringBuilder sb, IReadOnlyList<Protocol.FrontMember> front)
    {
        var profiles = front.Select(f => (Member: f, Shares: Profile(f.Metrics))).Where(p => p.Shares.Length > 0).ToArray();
        if (profiles.Length == 0) return;
        sb.Append("<div class=\"plots\">\n");
        foreach (var (member, shares) in profiles)
        {
            double uniform = 1.0 / shares.Length;
            var svg = new Svg("load-histogram", (0.5, shares.Length + 0.5), (0, Math.Max(shares.Max(), uniform) * 1.1),
                "experts, busiest first", "share of routes", $"data-id=\"{member.Id}\"");
            for (int r = 0; r < shares.Length; r++)
                svg.Bar(r + 1, shares[r], 0.8, "load-bar", $"data-rank=\"{r + 1}\"", $"#{member.Id} expert ranked {r + 1}: {Html.Num(shares[r])} of the routes");
            svg.Line(svg.X(0.5), svg.Y(uniform), svg.X(shares.Length + 0.5), svg.Y(uniform), "uniform-line");
            sb.Append("<figure class=\"load\"><figcaption>#").Append(member.Id).Append(' ').Append(Html.Escape(member.Genome)).Append("</figcaption>\n").Append(svg).Append("</figure>\n");
        }
        sb.Append("</div>\n");
    }

    private static double[] Profile(Dictionary<string, double>? metrics)
    {
        if (metrics is null) return [];
        var keys = metrics.Keys.Where(LoadProfile.IsShare).Order(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0) return [];
        string task = keys[0][..(keys[0].IndexOf(LoadProfile.Prefix, StringComparison.Ordinal))];
        return keys.Where(k => k.StartsWith(task + LoadProfile.Prefix, StringComparison.Ordinal)).Select(k => metrics[k]).ToArray();
    }
}
