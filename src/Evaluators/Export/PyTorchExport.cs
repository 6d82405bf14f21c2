using System.Text;

namespace Evaluators.Export;

/// <summary>
/// A Python module with one <c>nn.Module</c> subclass per activation layer: learnable scalars are
/// <c>nn.Parameter</c>s holding the trained values, and forward is the genome as one expression.
/// </summary>
public static class PyTorchExport
{
    /// <exception cref="ArgumentException">A norm-act layer (not exported to PyTorch yet).</exception>
    public static string Write(IReadOnlyList<ExportLayer> layers, ExportOptions options)
    {
        foreach (var layer in layers)
            if (!layer.IsActivation)
                throw new ArgumentException($"'{layer.Item.Name}' is a {layer.Family} layer; only activation layers export to pytorch (use json or latex)");
        var sb = new StringBuilder();
        sb.Append("\"\"\"Activation layers exported by the architecture search")
          .Append(options.RunId is { } run ? $" (run {Docstring(run)})" : "").Append(".\n\n")
          .Append("Generated code: each class computes its genome with the search engine's op definitions.\n\"\"\"\n\n")
          .Append("import math\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n")
          .Append("__all__ = [").Append(string.Join(", ", layers.Select(l => Literals.QuotedString(l.ClassName)))).Append("]\n");
        foreach (var layer in layers) WriteClass(sb, layer);
        return sb.ToString();
    }

    private static void WriteClass(StringBuilder sb, ExportLayer layer)
    {
        var names = PythonNames.ParameterNames(layer.Learnables.Select(l => l.Name));
        sb.Append("\n\nclass ").Append(layer.ClassName).Append("(nn.Module):\n")
          .Append("    \"\"\"").Append(Docstring(layer.Item.Name)).Append(": activation layer of the genome\n\n")
          .Append("        ").Append(Docstring(layer.Item.Genome.Text)).Append('\n');
        if (layer.Learnables.Count > 0)
        {
            sb.Append("\n    Learnable scalars (trained value, init):\n");
            foreach (var l in layer.Learnables)
                sb.Append("        ").Append(Docstring(names[l.Name])).Append(" = ").Append(Literals.Python(l.Value))
                  .Append(" (init ").Append(Literals.Python(l.Init)).Append(")\n");
        }
        sb.Append("    \"\"\"\n\n")
          .Append("    GENOME = ").Append(Literals.QuotedString(layer.Item.Genome.Text)).Append("\n\n")
          .Append("    def __init__(self):\n        super().__init__()\n");
        foreach (var l in layer.Learnables)
            sb.Append("        self.register_parameter(").Append(Literals.QuotedString(names[l.Name]))
              .Append(", nn.Parameter(torch.tensor(").Append(Literals.Python(l.Value)).Append(")))\n");
        sb.Append("\n    def forward(self, x):\n        return ").Append(Body(layer, names)).Append('\n');
    }

    // A tree without x (only when parsed from such text) still maps x to a tensor of x's shape.
    private static string Body(ExportLayer layer, IReadOnlyDictionary<string, string> names)
    {
        string expr = PythonExpr.Print(layer.Root, name => PythonNames.Read(names[name]));
        return Search.Genomes.Expressions.ExprMetrics.ContainsVariable(layer.Root) ? expr : $"torch.zeros_like(x) + {expr}";
    }

    private static string Docstring(string s) => s.Replace("\\", "\\\\").Replace("\"\"\"", "\\\"\\\"\\\"");
}
