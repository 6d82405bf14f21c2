using System.Text;

namespace Cluster.Reports.Views;

/// <summary>
/// Best so far against evaluations, from history.jsonl: one &lt;svg class="progress-plot"
/// data-objective&gt; per objective, each with one &lt;polyline class="best-line"&gt; that has one point per
/// improvement (an accepted evaluation better than every accepted one before it, in the order the
/// coordinator applied them; x = its position in the history, 1-based) and a dashed class="best-tail"
/// on to the last evaluation. "no history recorded" for runs without history.jsonl.
/// </summary>
public static class ProgressPlotView
{
    /// <summary>One objective's improvements: (evaluations so far, best value, proposal id).</summary>
    public sealed record Series(string Objective, IReadOnlyList<(int Evaluations, double Best, long Id)> Improvements, int Evaluations);

    public static IReadOnlyList<Series> Of(RunView run)
    {
        if (run.History is not { } history) return [];
        var names = run.ObjectiveNames;
        var series = new List<Series>();
        for (int i = 0; i < names.Count; i++)
        {
            var points = new List<(int, double, long)>();
            double? best = null;
            for (int k = 0; k < history.Count; k++)
            {
                var h = history[k];
                if (!h.IsAccepted || h.Objectives!.Length <= i || double.IsNaN(h.Objectives[i])) continue;
                double v = h.Objectives[i];
                if (best is { } b && run.Minimized(i, v) >= run.Minimized(i, b)) continue;
                best = v;
                points.Add((k + 1, v, h.Id));
            }
            series.Add(new Series(names[i], points, history.Count));
        }
        return series;
    }

    public static void Render(StringBuilder sb, RunView run)
    {
        Html.Heading(sb, "Best so far");
        if (run.History is null)
        {
            Html.Note(sb, "no-history", "no history recorded (a run made before history.jsonl was written)");
            return;
        }
        if (run.History.Count == 0)
        {
            Html.Note(sb, "no-history", "no evaluations yet");
            return;
        }
        foreach (var s in Of(run))
        {
            if (s.Improvements.Count == 0) continue;
            var svg = new Svg("progress-plot", (0, s.Evaluations), Svg.Padded(Svg.Range(s.Improvements.Select(p => p.Best))), "evaluations", $"best {s.Objective}",
                $"data-objective=\"{Html.Escape(s.Objective)}\"");
            var last = s.Improvements[^1];
            svg.Polyline([(last.Evaluations, last.Best), (s.Evaluations, last.Best)], "best-tail", null, null);
            svg.Polyline(s.Improvements.Select(p => ((double)p.Evaluations, p.Best)), "best-line", $"data-objective=\"{Html.Escape(s.Objective)}\"",
                $"best {s.Objective}: {Html.Num(last.Best)} (#{last.Id}) after {s.Evaluations} evaluations");
            foreach (var p in s.Improvements)
                svg.Circle(p.Evaluations, p.Best, 2.5, "best-point", $"data-id=\"{p.Id}\"", $"#{p.Id}: {s.Objective} = {Html.Num(p.Best)} at evaluation {p.Evaluations}");
            sb.Append(svg);
        }
    }
}
