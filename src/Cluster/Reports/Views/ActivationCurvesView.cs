using System.Text;
using Search.Genomes.Activation;

namespace Cluster.Reports.Views;

/// <summary>
/// Activation functions over x in [-4, 4] (<see cref="Samples"/> points, step 0.05), computed in float64
/// by the engine's own evaluator with each member's learned scalars (initial values where none were
/// learned): &lt;svg class="curves"&gt; with one &lt;polyline class="curve" data-genome data-role&gt; per front
/// member and per baseline the run's family can parse.
/// </summary>
public static class ActivationCurvesView
{
    public const double From = -4, To = 4;
    public const int Samples = 161;
    // Curves are drawn within this band: exp(x) would flatten every other curve.
    private const double Clip = 8;

    /// <summary>One curve: role ("front" or "baseline"), genome text, proposal id (front), samples.</summary>
    public sealed record Curve(string Role, string Genome, long? Id, IReadOnlyList<(double X, double Y)> Points);

    public static IReadOnlyList<Curve> Of(RunView run)
    {
        var curves = new List<Curve>();
        foreach (var f in run.Front)
            if (run.TryParse(f.Genome) is ActivationGenome g)
                curves.Add(new Curve("front", f.Genome, f.Id, Sample(g, f.Learned)));
        foreach (var b in run.Run.Baselines)
            if (run.TryParse(b.Genome) is ActivationGenome g)
                curves.Add(new Curve("baseline", b.Genome, null, Sample(g, b.Learned)));
        return curves;
    }

    public static IReadOnlyList<(double X, double Y)> Sample(ActivationGenome genome, IReadOnlyDictionary<string, double>? learned)
    {
        // Only this genome's learnables: the evaluator refuses other names (metrics-like extras).
        var values = (learned ?? new Dictionary<string, double>()).Where(kv => genome.Learnables.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return Enumerable.Range(0, Samples).Select(i =>
        {
            double x = i == Samples - 1 ? To : From + i * (To - From) / (Samples - 1);
            return (x, genome.Evaluate(x, values));
        }).ToArray();
    }

    public static void Render(StringBuilder sb, RunView run)
    {
        var curves = Of(run);
        if (curves.Count == 0) return;
        Html.Heading(sb, "Activation functions");
        var y = Svg.Range(curves.SelectMany(c => c.Points.Select(p => p.Y)).Where(v => Math.Abs(v) <= Clip));
        var svg = new Svg("curves", (From, To), Svg.Padded(y), "x", "f(x)");
        int k = 0;
        var legend = new StringBuilder("<ul class=\"legend\">");
        foreach (var c in curves)
        {
            // Front members in the palette's colours, baselines dashed red.
            string colour = c.Role == "front" ? $" c{k++ % 8}" : "";
            string label = (c.Id is { } i ? $"#{i} " : "baseline ") + c.Genome;
            svg.Polyline(c.Points.Select(p => (p.X, Math.Clamp(p.Y, y.Min - 1, y.Max + 1))), $"curve {c.Role}{colour}",
                $"data-genome=\"{Html.Escape(c.Genome)}\" data-role=\"{c.Role}\"" + (c.Id is { } id ? $" data-id=\"{id}\"" : ""), label);
            legend.Append("<li><span class=\"swatch ").Append(c.Role).Append(colour).Append("\"></span>").Append(Html.Escape(label)).Append("</li>");
        }
        sb.Append(svg).Append(legend).Append("</ul>\n");
    }
}
