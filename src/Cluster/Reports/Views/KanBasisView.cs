using System.Text;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Cluster.Reports.Views;

/// <summary>
/// The KAN bases the front uses: one &lt;svg class="basis-plot" data-basis&gt; per distinct basis among the
/// members' layers and node overrides (a select: each of its candidates), with one &lt;polyline
/// class="basis-fn" data-index&gt; per feature F_c(x), in float64 from the reference implementation, over
/// the basis' domain (grid bases a little beyond [-1, 1] to show the clamp, rbf over its centres' range).
/// </summary>
public static class KanBasisView
{
    private const int Samples = 201;

    /// <summary>A basis, which front members use it, and its features sampled over its domain.</summary>
    public sealed record BasisCurves(string Basis, IReadOnlyList<long> UsedBy, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Features);

    public static IReadOnlyList<BasisCurves> Of(RunView run)
    {
        var used = new Dictionary<string, (Basis Basis, List<long> Ids)>(StringComparer.Ordinal);
        foreach (var f in run.Front)
        {
            if (run.TryParse(f.Genome) is not KanBasisGenome g) continue;
            foreach (var layer in g.Layers)
                foreach (var b in layer.Overrides.Select(o => o.Basis).Prepend(layer.Basis).SelectMany(Plain))
                {
                    if (!used.TryGetValue(b.Text, out var entry)) used[b.Text] = entry = (b, new List<long>());
                    if (!entry.Ids.Contains(f.Id)) entry.Ids.Add(f.Id);
                }
        }
        var result = new List<BasisCurves>();
        foreach (var (text, (basis, ids)) in used.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var (lo, hi) = Domain(basis);
            double[][] values;
            try { values = Enumerable.Range(0, Samples).Select(i => KanReference.Features(basis, lo + i * (hi - lo) / (Samples - 1))).ToArray(); }
            catch (ArgumentException) { continue; }
            int count = values[0].Length;
            var features = Enumerable.Range(0, count)
                .Select(c => (IReadOnlyList<(double, double)>)Enumerable.Range(0, Samples).Select(i => (lo + i * (hi - lo) / (Samples - 1), values[i][c])).ToArray())
                .ToArray();
            result.Add(new BasisCurves(text, ids, features));
        }
        return result;
    }

    private static IEnumerable<Basis> Plain(Basis b) => b is SelectBasis s ? s.Candidates : [b];

    /// <summary>Where the basis' features are worth looking at.</summary>
    public static (double Lo, double Hi) Domain(Basis basis) => basis switch
    {
        BSplineBasis or ReluKanBasis or AfKanBasis => (-1.2, 1.2),
        RbfBasis r => (-1.25 * r.Range, 1.25 * r.Range),
        FourierBasis => (-Math.PI, Math.PI),
        _ => (-3, 3),
    };

    public static void Render(StringBuilder sb, RunView run)
    {
        var bases = Of(run);
        if (bases.Count == 0) return;
        Html.Heading(sb, "KAN bases of the front");
        sb.Append("<div class=\"plots\">\n");
        foreach (var b in bases)
        {
            sb.Append("<figure class=\"basis\"><figcaption>").Append(Html.Escape(b.Basis)).Append(" (used by ")
                .Append(Html.Escape(string.Join(", ", b.UsedBy.Select(id => $"#{id}")))).Append(")</figcaption>\n");
            var svg = new Svg("basis-plot", Svg.Range(b.Features[0].Select(p => p.X)), Svg.Padded(Svg.Range(b.Features.SelectMany(f => f.Select(p => p.Y)))),
                "x", "F_c(x)", $"data-basis=\"{Html.Escape(b.Basis)}\"");
            for (int c = 0; c < b.Features.Count; c++)
                svg.Polyline(b.Features[c], $"basis-fn c{c % 8}", $"data-index=\"{c}\"", $"{b.Basis}: F_{c}");
            sb.Append(svg).Append("</figure>\n");
        }
        sb.Append("</div>\n");
    }
}
