using System.Text;

namespace Evaluators.Export;

/// <summary>
/// A Python module with one <c>nn.Module</c> subclass per layer, each written by its family's
/// <see cref="ExportLayer"/>; module-level helpers a family needs are written once.
/// </summary>
public static class PyTorchExport
{
    public static string Write(IReadOnlyList<ExportLayer> layers, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("\"\"\"Layers exported by the architecture search")
          .Append(options.RunName is { } run ? $" (run {Docstring(run)})" : "").Append(".\n\n")
          .Append("Generated code: each class computes its genome with the search engine's op definitions.\n\"\"\"\n\n")
          .Append("import math\nfrom typing import Final, List, Optional\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n")
          .Append("__all__ = [").Append(string.Join(", ", layers.Select(l => Literals.QuotedString(l.ClassName)))).Append("]\n");
        foreach (var helpers in layers.Select(l => l.PythonHelpers).Where(h => h.Length > 0).Distinct()) sb.Append(helpers);
        foreach (var layer in layers) layer.WritePyTorch(sb);
        return sb.ToString();
    }

    /// <summary>
    /// The class docstring: name, family, genome, and the values it is written with under
    /// <paramref name="heading"/> (with their inits when <paramref name="showInit"/>).
    /// </summary>
    public static string DocstringOf(ExportLayer layer, IReadOnlyDictionary<string, string> names, string heading, bool showInit)
    {
        var sb = new StringBuilder();
        sb.Append("    \"\"\"").Append(Docstring(layer.Item.Name)).Append(": ").Append(layer.Family).Append(" layer of the genome\n\n")
          .Append("        ").Append(Docstring(layer.Item.Genome.Text)).Append('\n');
        if (layer.Learnables.Count > 0)
        {
            sb.Append("\n    ").Append(heading).Append(":\n");
            foreach (var l in layer.Learnables)
            {
                sb.Append("        ").Append(Docstring(names[l.Name])).Append(" = ").Append(Literals.Python(l.Value));
                if (showInit) sb.Append(" (init ").Append(Literals.Python(l.Init)).Append(')');
                sb.Append('\n');
            }
        }
        return sb.Append("    \"\"\"\n\n").ToString();
    }

    public static string Docstring(string s) => s.Replace("\\", "\\\\").Replace("\"\"\"", "\\\"\\\"\\\"");
}
