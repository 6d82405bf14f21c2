using System.Text;

namespace Cluster.Reports.Views;

/// <summary>
/// Best so far against evaluations, from history.jsonl: one &lt;svg class="progress-plot"
/// data-objective&gt; per objective, each with one &lt;polyline class="best-line"&gt; that has one point per
/// evaluation from the first accepted one on (x = its position in the history, 1-based, in the order
/// the coordinator applied them; y = the best accepted value up to it), and a &lt;circle
/// class="best-point" data-id&gt; at each improvement. "no history recorded" for runs without history.jsonl.
/// A multi-fidelity run's rungs train on different budgets, so their values are not comparable: each
/// rung has its own best-so-far line (data-rung) on the objective's plot.
/// </summary>
public static class ProgressPlotView
{
    /// <summary>One objective's best so far: per evaluation from the first accepted one (evaluations so far, best value), and the improvements (with the proposal id).</summary>
    public sealed record Series(string Objective, int Rung, IReadOnlyList<(int Evaluations, double Best)> Points,
        IReadOnlyList<(int Evaluations, double Best, long Id)> Improvements, int Evaluations);

    public static IReadOnlyList<Series> Of(RunView run)
    {
        if (run.History is not { } history) return [];
        var names = run.ObjectiveNames;
        var series = new List<Series>();
        var rungs = history.Select(h => h.Rung).Distinct().Order().ToArray();
        for (int i = 0; i < names.Count; i++)
        foreach (int rung in rungs)
        {
            var points = new List<(int, double)>();
            var improvements = new List<(int, double, long)>();
            double? best = null;
            for (int k = 0; k < history.Count; k++)
            {
                var h = history[k];
                if (h.IsAccepted && h.Rung == rung && h.Objectives!.Length > i && !double.IsNaN(h.Objectives[i])
                    && (best is not { } b || run.Minimized(i, h.Objectives[i]) < run.Minimized(i, b)))
                {
                    best = h.Objectives[i];
                    improvements.Add((k + 1, h.Objectives[i], h.Id));
                }
                if (best is { } v) points.Add((k + 1, v));
            }
            series.Add(new Series(names[i], rung, points, improvements, history.Count));
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
        sb.Append("<div class=\"plots\">\n");
        var all = Of(run);
        bool rungs = all.Any(s => s.Rung > 0);
        foreach (var objective in all.GroupBy(s => s.Objective))
        {
            var lines = objective.Where(s => s.Improvements.Count > 0).ToArray();
            if (lines.Length == 0) continue;
            string name = objective.Key;
            var svg = new Svg("progress-plot", (0, lines[0].Evaluations), Svg.Padded(Svg.Range(lines.SelectMany(s => s.Points.Select(p => p.Best)))),
                "evaluations", $"best {name}", $"data-objective=\"{Html.Escape(name)}\"");
            foreach (var s in lines)
            {
                string label = rungs ? $"{name} at rung {s.Rung}" : name;
                var last = s.Improvements[^1];
                svg.Polyline(s.Points.Select(p => ((double)p.Evaluations, p.Best)), rungs ? $"best-line rung{Math.Min(s.Rung, 3)}" : "best-line",
                    $"data-objective=\"{Html.Escape(name)}\" data-rung=\"{s.Rung}\"",
                    $"best {label}: {Html.Num(last.Best)} (#{last.Id}) after {s.Evaluations} evaluations");
                foreach (var p in s.Improvements)
                    svg.Circle(p.Evaluations, p.Best, 2.5, "best-point", $"data-id=\"{p.Id}\"", $"#{p.Id}: {label} = {Html.Num(p.Best)} at evaluation {p.Evaluations}");
            }
            sb.Append(svg);
        }
        if (rungs) sb.Append("<p class=\"legend\">lines from light to dark: rung 0 (the cheapest budget) to the top rung; rungs train on different budgets, so each has its own best</p>\n");
        sb.Append("</div>\n");
    }
}
