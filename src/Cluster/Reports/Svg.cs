using System.Globalization;
using System.Text;

namespace Cluster.Reports;

/// <summary>
/// A small SVG plot: a plot area inside margins, linear scales from data ranges, axes with ticks and
/// labels, polylines and marks with &lt;title&gt; tooltips. The &lt;svg&gt; element carries its mapping
/// (data-x-range, data-y-range: the data at the plot area's edges; data-area: left top right bottom in
/// pixels), so a reader can turn a point back into values.
/// </summary>
public sealed class Svg
{
    public const double Width = 520, Height = 300;
    private const double Left = 64, Right = 16, Top = 16, Bottom = 42;
    private readonly StringBuilder _sb = new();

    public Svg(string cssClass, (double Min, double Max) x, (double Min, double Max) y, string? xLabel, string? yLabel, string? attributes = null)
    {
        (XMin, XMax) = Widen(x);
        (YMin, YMax) = Widen(y);
        _sb.Append("<svg class=\"").Append(cssClass).Append("\" viewBox=\"0 0 ")
            .Append(Html.Coord(Width)).Append(' ').Append(Html.Coord(Height)).Append("\" width=\"").Append(Html.Coord(Width))
            .Append("\" height=\"").Append(Html.Coord(Height)).Append("\" data-x-range=\"").Append(R(XMin)).Append(' ').Append(R(XMax))
            .Append("\" data-y-range=\"").Append(R(YMin)).Append(' ').Append(R(YMax)).Append("\" data-area=\"")
            .Append(Html.Coord(Left)).Append(' ').Append(Html.Coord(Top)).Append(' ').Append(Html.Coord(Width - Right)).Append(' ')
            .Append(Html.Coord(Height - Bottom)).Append('"');
        if (attributes is not null) _sb.Append(' ').Append(attributes);
        _sb.Append(">\n");
        Axes(xLabel, yLabel);
    }

    public double XMin { get; }
    public double XMax { get; }
    public double YMin { get; }
    public double YMax { get; }

    /// <summary>Pixel x of a data value.</summary>
    public double X(double v) => Left + (v - XMin) / (XMax - XMin) * (Width - Left - Right);

    /// <summary>Pixel y of a data value (clamped a little beyond the area, so a huge value stays drawable).</summary>
    public double Y(double v) => Math.Clamp(Top + (YMax - v) / (YMax - YMin) * (Height - Top - Bottom), -Height, 2 * Height);

    /// <summary>The data range of finite values, or (0, 1) when there are none.</summary>
    public static (double Min, double Max) Range(IEnumerable<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
            if (double.IsFinite(v)) (lo, hi) = (Math.Min(lo, v), Math.Max(hi, v));
        return lo > hi ? (0, 1) : (lo, hi);
    }

    /// <summary>The range widened by a fraction of its span on both sides (marks off the axes).</summary>
    public static (double Min, double Max) Padded((double Min, double Max) r, double fraction = 0.05)
    {
        double pad = (r.Max - r.Min) * fraction;
        return pad > 0 ? (r.Min - pad, r.Max + pad) : r;
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string cssClass, string? attributes, string? title)
    {
        _sb.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"")
            .AppendJoin(' ', points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => $"{Html.Coord(X(p.X))},{Html.Coord(Y(p.Y))}"))
            .Append('"');
        Close(attributes, title, "polyline");
    }

    /// <summary>A polyline in pixel coordinates (parallel coordinates draw their own axes).</summary>
    public void PixelPolyline(IEnumerable<(double X, double Y)> pixels, string cssClass, string? attributes, string? title)
    {
        _sb.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"")
            .AppendJoin(' ', pixels.Select(p => $"{Html.Coord(p.X)},{Html.Coord(p.Y)}")).Append('"');
        Close(attributes, title, "polyline");
    }

    public void Circle(double x, double y, double r, string cssClass, string? attributes, string? title)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        _sb.Append("<circle class=\"").Append(cssClass).Append("\" cx=\"").Append(Html.Coord(X(x))).Append("\" cy=\"").Append(Html.Coord(Y(y)))
            .Append("\" r=\"").Append(Html.Coord(r)).Append('"');
        Close(attributes, title, "circle");
    }

    /// <summary>A square mark (baselines), centred on the point.</summary>
    public void Square(double x, double y, double half, string cssClass, string? attributes, string? title)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        _sb.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(Html.Coord(X(x) - half)).Append("\" y=\"").Append(Html.Coord(Y(y) - half))
            .Append("\" width=\"").Append(Html.Coord(2 * half)).Append("\" height=\"").Append(Html.Coord(2 * half)).Append('"');
        Close(attributes, title, "rect");
    }

    /// <summary>A bar from 0 up to <paramref name="y"/>, <paramref name="width"/> data units wide, centred on <paramref name="x"/>.</summary>
    public void Bar(double x, double y, double width, string cssClass, string? attributes, string? title)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        double left = X(x - width / 2), right = X(x + width / 2), top = Y(Math.Max(y, 0)), bottom = Y(Math.Min(y, 0));
        _sb.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(Html.Coord(left)).Append("\" y=\"").Append(Html.Coord(top))
            .Append("\" width=\"").Append(Html.Coord(right - left)).Append("\" height=\"").Append(Html.Coord(bottom - top)).Append('"');
        Close(attributes, title, "rect");
    }

    public void Text(double px, double py, string text, string cssClass, string anchor = "middle") =>
        _sb.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(Html.Coord(px)).Append("\" y=\"").Append(Html.Coord(py))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Html.Escape(text)).Append("</text>\n");

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        _sb.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(Html.Coord(x1)).Append("\" y1=\"").Append(Html.Coord(y1))
            .Append("\" x2=\"").Append(Html.Coord(x2)).Append("\" y2=\"").Append(Html.Coord(y2)).Append("\"/>\n");

    /// <summary>The finished element.</summary>
    public override string ToString() => _sb + "</svg>\n";

    /// <summary>About five round tick values covering [min, max].</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int target = 5)
    {
        double span = max - min;
        if (!(span > 0) || !double.IsFinite(span)) return [min];
        double raw = span / target, mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        var ticks = new List<double>();
        for (double t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return ticks;
    }

    private void Axes(string? xLabel, string? yLabel)
    {
        double x0 = Left, x1 = Width - Right, y0 = Height - Bottom, y1 = Top;
        Line(x0, y0, x1, y0, "axis");
        Line(x0, y0, x0, y1, "axis");
        foreach (var t in Ticks(XMin, XMax))
        {
            Line(X(t), y0, X(t), y0 + 4, "tick");
            Text(X(t), y0 + 16, Html.Num(t), "tick-label");
        }
        foreach (var t in Ticks(YMin, YMax))
        {
            Line(x0 - 4, Y(t), x0, Y(t), "tick");
            Line(x0, Y(t), x1, Y(t), "grid");
            Text(x0 - 6, Y(t) + 4, Html.Num(t), "tick-label", "end");
        }
        if (xLabel is not null) Text((x0 + x1) / 2, Height - 6, xLabel, "axis-label");
        if (yLabel is not null)
            _sb.Append("<text class=\"axis-label\" transform=\"translate(14,").Append(Html.Coord((y0 + y1) / 2)).Append(") rotate(-90)\" text-anchor=\"middle\">")
                .Append(Html.Escape(yLabel)).Append("</text>\n");
    }

    private void Close(string? attributes, string? title, string element)
    {
        if (attributes is not null) _sb.Append(' ').Append(attributes);
        if (title is null) _sb.Append("/>\n");
        else _sb.Append("><title>").Append(Html.Escape(title)).Append("</title></").Append(element).Append(">\n");
    }

    private static (double, double) Widen((double Min, double Max) r)
    {
        if (!double.IsFinite(r.Min) || !double.IsFinite(r.Max)) return (0, 1);
        if (r.Max > r.Min) return r;
        double pad = Math.Abs(r.Min) > 0 ? Math.Abs(r.Min) * 0.1 : 1;
        return (r.Min - pad, r.Max + pad);
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
