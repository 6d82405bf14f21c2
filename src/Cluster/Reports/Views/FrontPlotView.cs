using System.Text;
using Cluster.Protocol;
using Cluster.Runs;

namespace Cluster.Reports.Views;

/// <summary>
/// The front drawn: two objectives as a scatter (&lt;svg class="front-plot"&gt;, one &lt;circle
/// class="front-point" data-id&gt; per member, baselines as squares class="baseline-point", every other
/// accepted evaluation of the history as a faint class="history-point"); three or more as parallel
/// coordinates (&lt;svg class="front-plot parallel"&gt;, one &lt;polyline class="front-line" data-id&gt; per
/// member, class="baseline-line" per baseline, each axis scaled to its values); one objective as the
/// members' values against their ids.
/// </summary>
public static class FrontPlotView
{
    /// <summary>What the plot shows (the PNG too): front members and baselines with a value per objective, and every other accepted evaluation of the history.</summary>
    public sealed record Points(IReadOnlyList<string> Names, FrontMember[] Front, (string Genome, double[] Values)[] Baselines, HistoryEntry[] Others);

    public static Points Of(RunView run)
    {
        var names = run.ObjectiveNames;
        var front = run.Front.Where(f => f.Objectives.Length == names.Count && names.Count > 0).ToArray();
        var baselines = run.Run.Baselines.Where(b => b.Objectives?.Length == names.Count && names.Count > 0).Select(b => (b.Genome, b.Objectives!)).ToArray();
        var onFront = front.Select(f => f.Id).ToHashSet();
        var others = (run.History ?? []).Where(h => h.IsAccepted && h.Objectives!.Length == names.Count && !onFront.Contains(h.Id)).ToArray();
        return new Points(names, front, baselines, others);
    }

    public static void Render(StringBuilder sb, RunView run)
    {
        var (names, front, baselines, others) = Of(run);
        if (front.Length == 0 && baselines.Length == 0) return;
        Html.Heading(sb, "Front plot");
        if (names.Count >= 3) sb.Append(Parallel(run, names, front, baselines));
        else if (names.Count == 2) sb.Append(Scatter(names, front, baselines, others));
        else sb.Append(Single(names[0], front, baselines));
    }

    internal static string Title(string genome, IReadOnlyList<string> names, double[] values, string? prefix = null) =>
        (prefix ?? "") + genome + "\n" + string.Join("\n", names.Select((n, i) => $"{n} = {Html.Num(i < values.Length ? values[i] : null)}"));

    private static string Scatter(IReadOnlyList<string> names, FrontMember[] front, (string Genome, double[] Values)[] baselines, HistoryEntry[] others)
    {
        // The axes fit the front and baselines; the rest of the history is drawn where it falls inside.
        var xs = front.Select(f => f.Objectives[0]).Concat(baselines.Select(b => b.Values[0]));
        var ys = front.Select(f => f.Objectives[1]).Concat(baselines.Select(b => b.Values[1]));
        var svg = new Svg("front-plot", Svg.Padded(Svg.Range(xs)), Svg.Padded(Svg.Range(ys)), names[0], names[1]);
        foreach (var h in others)
            if (h.Objectives![0] >= svg.XMin && h.Objectives[0] <= svg.XMax && h.Objectives[1] >= svg.YMin && h.Objectives[1] <= svg.YMax)
                svg.Circle(h.Objectives[0], h.Objectives[1], 2, "history-point", $"data-id=\"{h.Id}\"", Title($"#{h.Id}", names, h.Objectives));
        foreach (var b in baselines)
            svg.Square(b.Values[0], b.Values[1], 5, "baseline-point", $"data-genome=\"{Html.Escape(b.Genome)}\"", Title(b.Genome, names, b.Values, "baseline "));
        foreach (var f in front)
            svg.Circle(f.Objectives[0], f.Objectives[1], 4.5, "front-point", $"data-id=\"{f.Id}\"", Title(f.Genome, names, f.Objectives, $"#{f.Id} "));
        return svg.ToString();
    }

    private static string Single(string name, FrontMember[] front, (string Genome, double[] Values)[] baselines)
    {
        var ys = front.Select(f => f.Objectives[0]).Concat(baselines.Select(b => b.Values[0]));
        var svg = new Svg("front-plot", Svg.Padded(Svg.Range(front.Select(f => (double)f.Id).DefaultIfEmpty(0))), Svg.Padded(Svg.Range(ys)), "proposal id", name);
        foreach (var b in baselines)
            svg.Line(Svg.Width * 0.12, svg.Y(b.Values[0]), Svg.Width - 16, svg.Y(b.Values[0]), "baseline-point");
        foreach (var f in front)
            svg.Circle(f.Id, f.Objectives[0], 4.5, "front-point", $"data-id=\"{f.Id}\"", Title(f.Genome, [name], f.Objectives, $"#{f.Id} "));
        return svg.ToString();
    }

    private static string Parallel(RunView run, IReadOnlyList<string> names, FrontMember[] front, (string Genome, double[] Values)[] baselines)
    {
        int n = names.Count;
        var ranges = Enumerable.Range(0, n)
            .Select(i => Svg.Padded(Svg.Range(front.Select(f => f.Objectives[i]).Concat(baselines.Select(b => b.Values[i]))))).ToArray();
        // Axes in pixels: the Svg's data scale is the axis index and [0, 1] (bottom = worst).
        var svg = new Svg("front-plot parallel", (0, n - 1), (0, 1), null, null);
        double Py(int i, double v)
        {
            var (lo, hi) = ranges[i];
            double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
            // Better is up, whatever the direction.
            bool minimize = run.Minimized(i, 1) > run.Minimized(i, 0);
            return svg.Y(minimize ? 1 - t : t);
        }
        for (int i = 0; i < n; i++)
        {
            svg.Line(svg.X(i), svg.Y(0), svg.X(i), svg.Y(1), "axis");
            svg.Text(svg.X(i), svg.Y(0) + 16, names[i], "tick-label");
        }
        foreach (var b in baselines)
            svg.PixelPolyline(b.Values.Select((v, i) => (svg.X(i), Py(i, v))), "baseline-line", $"data-genome=\"{Html.Escape(b.Genome)}\"", Title(b.Genome, names, b.Values, "baseline "));
        foreach (var f in front)
            svg.PixelPolyline(f.Objectives.Select((v, i) => (svg.X(i), Py(i, v))), "front-line", $"data-id=\"{f.Id}\"", Title(f.Genome, names, f.Objectives, $"#{f.Id} "));
        return svg.ToString();
    }
}
