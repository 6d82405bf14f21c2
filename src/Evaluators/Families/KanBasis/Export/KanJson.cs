using System.Text.Json;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The "kan" member of a KAN layer's JSON document: widths (null when unknown), what happened to the
/// coefficients, each layer class's groups with their grids (a B-spline group's "low" and "high":
/// each node's domain, mapped onto the grid's "domain" [-1, 1]), and the trained state_dict by name,
/// parameters then buffers ({shape, values: row-major float32, buffer: true for buffers}); values are
/// null when not kept.
/// </summary>
public static class KanJson
{
    public static void Write(Utf8JsonWriter w, KanExportLayer layer)
    {
        var plan = layer.Plan;
        w.WriteStartObject("kan");
        if (plan.Widths is { } widths) Ints(w, "widths", widths);
        else w.WriteNull("widths");
        w.WriteString("coefficients", layer.CoefficientsNote);
        w.WriteNumber("values", layer.Trained.Values);
        w.WriteStartArray("layers");
        for (int s = 0; s < plan.ClassOfSite.Count; s++)
        {
            var layerPlan = plan.Classes[plan.ClassOfSite[s]];
            w.WriteStartObject();
            w.WriteString("name", plan.Widths is null ? $"genome layer {s}" : KanNetworkPlan.SiteName(s));
            w.WriteString("layer", layerPlan.Layer.Text);
            if (plan.Widths is { } ws) { w.WriteNumber("in", ws[s]); w.WriteNumber("out", ws[s + 1]); }
            w.WriteStartArray("groups");
            foreach (var g in layerPlan.Groups)
            {
                w.WriteStartObject();
                w.WriteNumber("index", g.Index);
                if (plan.Widths is { } wn) Ints(w, "nodes", layerPlan.NodesOf(g, wn[s]));
                else w.WriteString("nodes", KanPythonLayer.NodesText(layerPlan, g));
                Basis(w, g.Basis);
                if (plan.Widths is not null && g.LowName is { } low)
                {
                    // Each node's domain [low, high], in the order of "nodes"; null when not kept.
                    Values(w, "low", layer.Trained, $"{KanNetworkPlan.SiteName(s)}.{low}");
                    Values(w, "high", layer.Trained, $"{KanNetworkPlan.SiteName(s)}.{g.HighName}");
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("parameters");
        if (plan.Widths is not null)
            foreach (var s in plan.State())
            {
                w.WriteStartObject(s.Name);
                w.WriteStartArray("shape");
                foreach (long d in s.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                Values(w, "values", layer.Trained, s.Name);
                if (s.Buffer) w.WriteBoolean("buffer", true);
                w.WriteEndObject();
            }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // A kept tensor's values (non-finite ones as null), or null.
    private static void Values(Utf8JsonWriter w, string name, KanTrainedValues trained, string tensor)
    {
        if (trained.Tensors is not { } tensors)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        foreach (float v in tensors[tensor])
            if (float.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteNullValue();
        w.WriteEndArray();
    }

    // The basis, its feature count and its grid constants; a select lists its candidates.
    private static void Basis(Utf8JsonWriter w, Basis basis)
    {
        w.WriteString("basis", basis.Text);
        w.WriteNumber("features", KanBasisFacts.Features(basis));
        switch (basis)
        {
            case BSplineBasis b:
                Doubles(w, "domain", [-1.0, 1.0]);
                Doubles(w, "knots", KanGrids.Knots(b.Grid, b.Order));
                break;
            case RbfBasis b:
                Doubles(w, "centres", KanGrids.Centres(b));
                w.WriteNumber("h", KanGrids.RbfWidth(b));
                break;
            case ReluKanBasis b:
                Intervals(w, b.Grid, b.Order);
                break;
            case AfKanBasis b:
                Intervals(w, b.Grid, b.Order);
                break;
            case SelectBasis s:
                w.WriteStartArray("candidates");
                foreach (var c in s.Candidates)
                {
                    w.WriteStartObject();
                    Basis(w, c);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
        }
    }

    // ReLU-KAN and AF-KAN: interval i is [s_i, e_i] on x' = (clamp(x, -1, 1) + 1) / 2.
    private static void Intervals(Utf8JsonWriter w, int grid, int order)
    {
        Doubles(w, "domain", [-1.0, 1.0]);
        Doubles(w, "starts", KanGrids.Starts(grid, order));
        Doubles(w, "ends", KanGrids.Ends(grid, order));
    }

    private static void Ints(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (int v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Doubles(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
