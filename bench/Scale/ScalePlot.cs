using System.Globalization;
using System.Text;

namespace Bench.Scale;

/// <summary>An SVG line plot of achieved evaluations/s against slots (both axes logarithmic), with the ideal slots/latency line.</summary>
internal static class ScalePlot
{
    private const double W = 640, H = 420, Left = 70, Right = 20, Top = 30, Bottom = 50;

    public static void Write(string path, IReadOnlyList<(int Slots, double EvalsPerSecond)> points, double latencySeconds)
    {
        double xMax = Math.Log10(points.Max(p => p.Slots)) + 0.1, xMin = -0.1;
        double yMax = Math.Log10(Math.Max(points.Max(p => p.EvalsPerSecond), points.Max(p => p.Slots) / latencySeconds)) + 0.2;
        double yMin = Math.Log10(Math.Max(1e-3, Math.Min(points.Min(p => p.EvalsPerSecond), points.Min(p => p.Slots) / latencySeconds))) - 0.2;
        double X(double slots) => Left + (Math.Log10(slots) - xMin) / (xMax - xMin) * (W - Left - Right);
        double Y(double rate) => H - Bottom - (Math.Log10(Math.Max(rate, 1e-3)) - yMin) / (yMax - yMin) * (H - Top - Bottom);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(W)}\" height=\"{N(H)}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{N(W / 2)}\" y=\"18\" text-anchor=\"middle\">evaluations/s against evaluator slots ({N(latencySeconds)} s per evaluation)</text>\n");
        svg.Append($"<line x1=\"{N(Left)}\" y1=\"{N(H - Bottom)}\" x2=\"{N(W - Right)}\" y2=\"{N(H - Bottom)}\" stroke=\"black\"/>\n");
        svg.Append($"<line x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(H - Bottom)}\" stroke=\"black\"/>\n");
        foreach (var p in points)
        {
            svg.Append($"<line x1=\"{N(X(p.Slots))}\" y1=\"{N(H - Bottom)}\" x2=\"{N(X(p.Slots))}\" y2=\"{N(H - Bottom + 5)}\" stroke=\"black\"/>");
            svg.Append($"<text x=\"{N(X(p.Slots))}\" y=\"{N(H - Bottom + 18)}\" text-anchor=\"middle\">{p.Slots}</text>\n");
        }
        for (int e = (int)Math.Ceiling(yMin); e <= (int)Math.Floor(yMax); e++)
            svg.Append($"<text x=\"{N(Left - 8)}\" y=\"{N(Y(Math.Pow(10, e)) + 4)}\" text-anchor=\"end\">{N(Math.Pow(10, e))}</text>" +
                       $"<line x1=\"{N(Left)}\" y1=\"{N(Y(Math.Pow(10, e)))}\" x2=\"{N(W - Right)}\" y2=\"{N(Y(Math.Pow(10, e)))}\" stroke=\"#ddd\"/>\n");
        svg.Append($"<text x=\"{N(W / 2)}\" y=\"{N(H - 10)}\" text-anchor=\"middle\">slots</text>\n");
        svg.Append($"<text x=\"16\" y=\"{N(H / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {N(H / 2)})\">evaluations/s</text>\n");
        string Line(IEnumerable<(double X, double Y)> xy) => string.Join(" ", xy.Select(q => $"{N(q.X)},{N(q.Y)}"));
        svg.Append($"<polyline fill=\"none\" stroke=\"#999\" stroke-dasharray=\"5,4\" points=\"{Line(points.Select(p => (X(p.Slots), Y(p.Slots / latencySeconds))))}\"/>\n");
        svg.Append($"<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"{Line(points.Select(p => (X(p.Slots), Y(p.EvalsPerSecond))))}\"/>\n");
        foreach (var p in points) svg.Append($"<circle cx=\"{N(X(p.Slots))}\" cy=\"{N(Y(p.EvalsPerSecond))}\" r=\"3.5\" fill=\"#1f77b4\"/>\n");
        svg.Append($"<text x=\"{N(Left + 10)}\" y=\"{N(Top + 14)}\" fill=\"#1f77b4\">achieved</text>");
        svg.Append($"<text x=\"{N(Left + 10)}\" y=\"{N(Top + 30)}\" fill=\"#999\">ideal: slots / latency</text>\n");
        svg.Append("</svg>\n");
        File.WriteAllText(path, svg.ToString());
    }
}
