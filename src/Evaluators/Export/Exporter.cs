using Evaluators.Families;

namespace Evaluators.Export;

/// <summary>
/// The export entry point (<c>search export &lt;run&gt; --top K --format ...</c>): resolves the items once,
/// then writes them in one of <see cref="Formats"/>. Items are written in the given order.
/// </summary>
public static class Exporter
{
    public static IReadOnlyList<string> Formats { get; } = ["json", "pytorch", "torchsharp", "latex"];

    /// <exception cref="ArgumentException">An unknown format (the message names it and the choices), or an item that cannot be exported in it.</exception>
    public static string Export(string format, IReadOnlyList<ExportItem> items, ExportOptions options)
    {
        Func<IReadOnlyList<ExportLayer>, ExportOptions, string> writer = format switch
        {
            "json" => JsonExport.Array,
            "pytorch" => PyTorchExport.Write,
            "torchsharp" => TorchSharpExport.Write,
            "latex" => LatexExport.Write,
            _ => throw new ArgumentException($"unknown export format '{format}'; choose one of {string.Join(", ", Formats)}", nameof(format)),
        };
        var layers = ExportLayer.ResolveAll(items);
        foreach (var layer in layers)
            if (LayerFamilies.Get(layer.Family).ExportFormats is { } formats && !formats.Contains(format))
                throw new ArgumentException($"'{layer.Item.Name}': {layer.Family} layers are written as {string.Join(", ", formats)} only, not {format}", nameof(format));
        return writer(layers, options);
    }
}
