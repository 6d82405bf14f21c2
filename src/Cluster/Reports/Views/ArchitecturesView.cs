using System.Text;
using Cluster.Cli;

namespace Cluster.Reports.Views;

/// <summary>
/// For spaces whose objectives name several tasks ("metric@task"): the front per architecture as
/// `search status` computes it (<see cref="ArchitectureTables.Of"/>), one &lt;table class="architectures"
/// data-architecture&gt; each.
/// </summary>
public static class ArchitecturesView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        if (run.Space is null || run.Status is null) return;
        var tables = ArchitectureTables.Of(run.Space, run.Status, run.Run.Baselines);
        if (tables.Count == 0) return;
        Html.Heading(sb, "Per architecture");
        foreach (var t in tables)
        {
            Html.Note(sb, "architecture", $"{t.Architecture} ({string.Join(", ", t.Objectives)}): {t.FrontCount} on its front" +
                                          (t.Reference is null ? "" : $", gains against {t.Reference}"));
            sb.Append("<table class=\"architectures\" data-architecture=\"").Append(Html.Escape(t.Architecture)).Append("\"><thead><tr>");
            foreach (var h in new[] { "", "id", "genome" }.Concat(t.Objectives).Append("gain")) sb.Append("<th>").Append(Html.Escape(h)).Append("</th>");
            sb.Append("</tr></thead><tbody>\n");
            foreach (var r in t.Rows)
                Html.Row(sb, r.Id is { } id ? $"data-id=\"{id}\"" : null,
                    new[] { r.Kind, r.Id is { } i ? Html.Int(i) : "-", r.Genome }.Concat(r.Values.Select(v => Html.Num(v))).Append(r.Gain));
            Html.TableEnd(sb);
        }
    }
}
