using Cluster.Protocol;
using Cluster.Reports.Views;
using ScottPlot;

namespace Cluster.Reports;

/// <summary>SkiaSharp, which ScottPlot draws with, could not load its native library: no PNG can be written here.</summary>
public sealed class PngUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The report's plots as PNG files (ScottPlot 5): front.png (the front and baselines on the first two
/// objectives), progress.png (best so far on the first objective), curves.png (activation curves, or
/// a KAN run's basis features, one plot per basis). Written from the same series the HTML views draw.
/// </summary>
public static class PngReport
{
    private const int Width = 900, Height = 600;

    /// <summary>Writes the run's plots into <paramref name="directory"/>, file names after <paramref name="prefix"/>; returns the files written.</summary>
    /// <exception cref="PngUnavailableException">SkiaSharp's native library cannot be loaded.</exception>
    public static IReadOnlyList<string> Write(RunView run, string directory, string prefix = "")
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        try
        {
            if (Front(run) is { } front) written.Add(Save(front, directory, prefix + "front.png"));
            if (Progress(run) is { } progress) written.Add(Save(progress, directory, prefix + "progress.png"));
            if (Curves(run) is { } curves) written.Add(Save(curves, directory, prefix + "curves.png"));
            if (Bases(run) is var (bases, count) && bases is not null)
            {
                string path = Path.Combine(directory, prefix + "curves.png");
                bases.SavePng(path, Width, Math.Max(Height, 320 * count));
                written.Add(path);
            }
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new PngUnavailableException($"PNG output needs SkiaSharp's native library, which did not load here ({(e.InnerException ?? e).Message})", e);
        }
        return written;
    }

    private static string Save(Plot plot, string directory, string name)
    {
        string path = Path.Combine(directory, name);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static Plot? Front(RunView run)
    {
        var (names, front, baselines, others) = FrontPlotView.Of(run);
        if (names.Count == 1) return SingleObjectiveFront(run, names[0], front, baselines);
        if (names.Count < 2 || front.Length == 0) return null;
        var plot = new Plot();
        if (others.Length > 0)
        {
            var o = plot.Add.ScatterPoints(others.Select(h => h.Objectives![0]).ToArray(), others.Select(h => h.Objectives![1]).ToArray(), Colors.LightGray);
            o.LegendText = "evaluated";
        }
        var ordered = front.OrderBy(f => f.Objectives[0]).ToArray();
        var fp = plot.Add.Scatter(ordered.Select(f => f.Objectives[0]).ToArray(), ordered.Select(f => f.Objectives[1]).ToArray(), Colors.SteelBlue);
        fp.LegendText = "front";
        fp.MarkerSize = 8;
        if (baselines.Length > 0)
        {
            var bp = plot.Add.ScatterPoints(baselines.Select(b => b.Values[0]).ToArray(), baselines.Select(b => b.Values[1]).ToArray(), Colors.Red);
            bp.MarkerShape = MarkerShape.FilledSquare;
            bp.MarkerSize = 10;
            bp.LegendText = "baselines";
        }
        // The axes fit the front and baselines, as the HTML plot does.
        var xs = front.Select(f => f.Objectives[0]).Concat(baselines.Select(b => b.Values[0]));
        var ys = front.Select(f => f.Objectives[1]).Concat(baselines.Select(b => b.Values[1]));
        var (x0, x1) = Svg.Padded(Svg.Range(xs));
        var (y0, y1) = Svg.Padded(Svg.Range(ys));
        if (x1 > x0 && y1 > y0) plot.Axes.SetLimits(x0, x1, y0, y1);
        plot.XLabel(names[0]);
        plot.YLabel(names[1]);
        plot.Title($"{run.RunId}: front");
        plot.ShowLegend();
        return plot;
    }

    /// <summary>One objective: the front's values against their ids, each baseline a dashed line across (as the HTML plot).</summary>
    private static Plot? SingleObjectiveFront(RunView run, string name, FrontMember[] all, (string Genome, double[] Values)[] baselines)
    {
        var front = all.Where(f => double.IsFinite(f.Objectives[0])).ToArray();
        if (front.Length == 0) return null;
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(front.Select(f => (double)f.Id).ToArray(), front.Select(f => f.Objectives[0]).ToArray(), Colors.SteelBlue);
        points.MarkerSize = 9;
        points.LegendText = "front";
        foreach (var b in baselines.Where(b => double.IsFinite(b.Values[0])))
        {
            var line = plot.Add.HorizontalLine(b.Values[0], 1, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"baseline {b.Genome}";
        }
        plot.ShowLegend();
        plot.XLabel("proposal id");
        plot.YLabel(name);
        plot.Title($"{run.RunId}: front and baselines");
        return plot;
    }

    private static Plot? Progress(RunView run)
    {
        var all = ProgressPlotView.Of(run);
        if (all.Count == 0) return null;
        var lines = all.Where(s => s.Objective == all[0].Objective && s.Improvements.Count > 0).ToArray(); // the first objective, a line per rung
        if (lines.Length == 0) return null;
        var plot = new Plot();
        foreach (var series in lines)
        {
            var line = plot.Add.ScatterLine(series.Points.Select(p => (double)p.Evaluations).ToArray(), series.Points.Select(p => p.Best).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            if (lines.Length > 1) line.LegendText = $"rung {series.Rung}";
            var marks = plot.Add.ScatterPoints(series.Improvements.Select(p => (double)p.Evaluations).ToArray(), series.Improvements.Select(p => p.Best).ToArray(), line.Color);
            marks.MarkerSize = 6;
        }
        if (lines.Length > 1) plot.ShowLegend();
        plot.XLabel("evaluations");
        plot.YLabel($"best {lines[0].Objective}");
        plot.Title($"{run.RunId}: best so far");
        return plot;
    }

    private static Plot? Curves(RunView run)
    {
        if (run.Family == "activation")
        {
            var curves = ActivationCurvesView.Of(run);
            if (curves.Count == 0) return null;
            var plot = new Plot();
            foreach (var c in curves)
            {
                var pts = c.Points.Where(p => double.IsFinite(p.Y)).ToArray();
                if (pts.Length == 0) continue;
                var s = plot.Add.ScatterLine(pts.Select(p => p.X).ToArray(), pts.Select(p => Math.Clamp(p.Y, -8, 8)).ToArray());
                s.LegendText = (c.Id is { } id ? $"#{id} " : "baseline ") + c.Genome;
                if (c.Role == "baseline") s.LinePattern = LinePattern.Dashed;
            }
            plot.XLabel("x");
            plot.YLabel("f(x)");
            plot.Title($"{run.RunId}: activation functions");
            plot.ShowLegend();
            return plot;
        }
        return null;
    }

    /// <summary>A kan-basis run's bases, one plot each, stacked (the same features as the HTML's basis plots).</summary>
    private static (Multiplot? Plots, int Count) Bases(RunView run)
    {
        if (run.Family != "kan-basis") return (null, 0);
        var bases = KanBasisView.Of(run);
        if (bases.Count == 0) return (null, 0);
        var multiplot = new Multiplot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var b in bases)
        {
            // A new multiplot holds one empty plot: the first basis replaces it.
            Plot plot;
            if (b == bases[0]) multiplot.Reset(plot = new Plot());
            else plot = multiplot.AddPlot();
            for (int c = 0; c < b.Features.Count; c++)
            {
                var f = b.Features[c];
                var s = plot.Add.ScatterLine(f.Select(p => p.X).ToArray(), f.Select(p => p.Y).ToArray(), palette.GetColor(c));
                s.LegendText = $"F_{c}";
            }
            plot.Title($"{b.Basis} (used by {string.Join(", ", b.UsedBy.Select(id => $"#{id}"))})");
            plot.XLabel("x");
        }
        return (multiplot, bases.Count);
    }
}
