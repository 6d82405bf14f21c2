using System.Text;

namespace Cluster.Reports.Views;

/// <summary>The run's heading: &lt;h2&gt; with run id, and space, family, strategy, seed, start.</summary>
public static class HeaderView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        var i = run.Info;
        sb.Append("<h2>").Append(Html.Escape(i.RunId)).Append("</h2>\n<p class=\"run-info\">space <span class=\"space\">").Append(Html.Escape(i.SpaceName))
            .Append("</span>, family <span class=\"family\">").Append(Html.Escape(run.Family))
            .Append("</span>, strategy <span class=\"strategy\">").Append(Html.Escape(i.Strategy))
            .Append("</span>, seed <span class=\"seed\">").Append(i.Seed).Append("</span>, started ")
            .Append(Html.Escape(i.StartedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture))).Append("</p>\n");
        if (run.SpaceError is { } e) Html.Note(sb, "warning", $"space not loaded ({e}): objectives unnamed, no function plots");
    }
}
