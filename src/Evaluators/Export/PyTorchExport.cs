using System.Text;

namespace Evaluators.Export;

/// <summary>
/// A Python module with one <c>nn.Module</c> subclass per layer. Activations: learnable scalars are
/// <c>nn.Parameter</c>s holding the trained values, and forward is the genome as one expression.
/// Norm-act layers are written by <see cref="NormActPython"/>.
/// </summary>
public static class PyTorchExport
{
    public static string Write(IReadOnlyList<ExportLayer> layers, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("\"\"\"Layers exported by the architecture search")
          .Append(options.RunId is { } run ? $" (run {Docstring(run)})" : "").Append(".\n\n")
          .Append("Generated code: each class computes its genome with the search engine's op definitions.\n\"\"\"\n\n")
          .Append("import math\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n")
          .Append("__all__ = [").Append(string.Join(", ", layers.Select(l => Literals.QuotedString(l.ClassName)))).Append("]\n");
        if (layers.Any(l => !l.IsActivation)) sb.Append(NormActPython.Helpers);
        foreach (var layer in layers)
        {
            if (layer.IsActivation) WriteClass(sb, layer);
            else NormActPython.WriteClass(sb, layer, DocstringOf(layer, layer.Learnables.ToDictionary(l => l.Name, l => l.Name)));
        }
        return sb.ToString();
    }

    private static void WriteClass(StringBuilder sb, ExportLayer layer)
    {
        var names = PythonNames.ParameterNames(layer.Learnables.Select(l => l.Name));
        sb.Append("\n\nclass ").Append(layer.ClassName).Append("(nn.Module):\n").Append(DocstringOf(layer, names))
          .Append("    GENOME = ").Append(Literals.QuotedString(layer.Item.Genome.Text)).Append("\n\n")
          .Append("    def __init__(self):\n        super().__init__()\n");
        foreach (var l in layer.Learnables)
            sb.Append("        self.register_parameter(").Append(Literals.QuotedString(names[l.Name]))
              .Append(", nn.Parameter(torch.tensor(").Append(Literals.Python(l.Value)).Append(")))\n");
        sb.Append("\n    def forward(self, x):\n        return ").Append(Body(layer, names)).Append('\n');
    }

    private static string DocstringOf(ExportLayer layer, IReadOnlyDictionary<string, string> names)
    {
        var sb = new StringBuilder();
        sb.Append("    \"\"\"").Append(Docstring(layer.Item.Name)).Append(": ").Append(layer.Family).Append(" layer of the genome\n\n")
          .Append("        ").Append(Docstring(layer.Item.Genome.Text)).Append('\n');
        if (layer.Learnables.Count > 0)
        {
            sb.Append(layer.IsActivation ? "\n    Learnable scalars (trained value, init):\n" : "\n    Per-channel parameters (initial value):\n");
            foreach (var l in layer.Learnables)
            {
                sb.Append("        ").Append(Docstring(names[l.Name])).Append(" = ").Append(Literals.Python(l.Value));
                if (layer.IsActivation) sb.Append(" (init ").Append(Literals.Python(l.Init)).Append(')');
                sb.Append('\n');
            }
        }
        return sb.Append("    \"\"\"\n\n").ToString();
    }

    // A tree without x (only when parsed from such text) still maps x to a tensor of x's shape.
    private static string Body(ExportLayer layer, IReadOnlyDictionary<string, string> names)
    {
        string expr = PythonExpr.Print(layer.Root, name => PythonNames.Read(names[name]));
        return Search.Genomes.Expressions.ExprMetrics.ContainsVariable(layer.Root) ? expr : $"torch.zeros_like(x) + {expr}";
    }

    private static string Docstring(string s) => s.Replace("\\", "\\\\").Replace("\"\"\"", "\\\"\\\"\\\"");
}
