using System.Text;

namespace Evaluators.Export;

/// <summary>
/// One numbered equation per layer: the layer's name, its formula, and the values its family lists
/// (an activation's learnable scalars); a comment above gives the genome text. Needs amsmath, and
/// graphicx when figures are included (<see cref="ExportOptions.Figures"/>: one figure environment each).
/// </summary>
public static class LatexExport
{
    public static string Write(IReadOnlyList<ExportLayer> layers, ExportOptions options)
    {
        var sb = new StringBuilder("% Layers exported by the architecture search");
        sb.Append(options.RunName is { } run ? $" (run {OneLine(run)})" : "").Append(options.Figures.Count > 0 ? "; needs amsmath and graphicx.\n" : "; needs amsmath.\n");
        foreach (var layer in layers) sb.Append('\n').Append(Equation(layer));
        foreach (var (path, caption) in options.Figures)
            sb.Append("\n\\begin{figure}[ht]\n\\centering\n\\includegraphics[width=0.8\\linewidth]{").Append(path.Replace('\\', '/'))
              .Append("}\n\\caption{").Append(Escape(caption)).Append("}\n\\end{figure}\n");
        return sb.ToString();
    }

    /// <summary>The equation of one layer, e.g. <c>\text{CRReLU}(x) = ..., \qquad e = 0.0123</c>.</summary>
    public static string Equation(ExportLayer layer)
    {
        var sb = new StringBuilder();
        sb.Append("% ").Append(OneLine(layer.Item.Name)).Append(" (").Append(layer.Family).Append("): ").Append(layer.Item.Genome.Text).Append('\n')
          .Append("\\begin{equation}\n")
          .Append("\\text{").Append(Escape(layer.Item.Name)).Append("}(x) = ").Append(layer.Latex());
        return sb.Append("\n\\end{equation}\n").ToString();
    }

    /// <summary>Escapes LaTeX's special characters for text mode.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in OneLine(s))
        {
            sb.Append(c switch
            {
                '\\' => "\\textbackslash{}", '{' => "\\{", '}' => "\\}", '#' => "\\#", '$' => "\\$", '%' => "\\%",
                '&' => "\\&", '_' => "\\_", '^' => "\\textasciicircum{}", '~' => "\\textasciitilde{}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
