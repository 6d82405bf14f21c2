using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Evaluators.Export;

/// <summary>
/// JSON documents, one per layer, keys always in this order: name, family, genome, structural_hash,
/// learnables (genome order: name -> {init, value}), the family's own members (KAN: "kan"),
/// objectives and metadata (sorted by key), run_id. Non-finite numbers are written as null.
/// </summary>
public static class JsonExport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One layer as a JSON object.</summary>
    public static string Layer(ExportLayer layer, ExportOptions options) => Write(w => WriteLayer(w, layer, options));

    /// <summary>Layers in the given order (best first, for a top-K list) as one JSON array.</summary>
    public static string Array(IReadOnlyList<ExportLayer> layers, ExportOptions options) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var layer in layers) WriteLayer(w, layer, options);
        w.WriteEndArray();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) body(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLayer(Utf8JsonWriter w, ExportLayer layer, ExportOptions options)
    {
        var item = layer.Item;
        w.WriteStartObject();
        w.WriteString("name", item.Name);
        w.WriteString("family", layer.Family);
        w.WriteString("genome", item.Genome.Text);
        w.WriteString("structural_hash", item.Genome.StructuralHash.ToString("x16"));
        w.WriteStartObject("learnables");
        foreach (var l in layer.Learnables)
        {
            w.WriteStartObject(l.Name);
            Number(w, "init", l.Init);
            Number(w, "value", l.Value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        layer.WriteJson(w);
        w.WriteStartObject("objectives");
        foreach (var kv in (item.Objectives ?? new Dictionary<string, double>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Number(w, kv.Key, kv.Value);
        w.WriteEndObject();
        w.WriteStartObject("metadata");
        foreach (var kv in (item.Metadata ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            w.WriteString(kv.Key, kv.Value);
        w.WriteEndObject();
        if (options.RunName is { } run) w.WriteString("run_id", run);
        else w.WriteNull("run_id");
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string key, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(key, value);
        else w.WriteNull(key);
    }
}
