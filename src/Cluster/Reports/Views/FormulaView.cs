using System.Text;
using Evaluators.Export;
using Search.Genomes.NormAct;

namespace Cluster.Reports.Views;

/// <summary>Norm-act layers as formulas: one &lt;div class="formula" data-id&gt; per front member and baseline, the genome text and its LaTeX.</summary>
public static class FormulaView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        Html.Heading(sb, "Formulas");
        foreach (var f in run.Front) Formula(sb, run, f.Genome, $"#{f.Id}", $" data-id=\"{f.Id}\"");
        foreach (var b in run.Run.Baselines) Formula(sb, run, b.Genome, "baseline", " data-role=\"baseline\"");
    }

    private static void Formula(StringBuilder sb, RunView run, string genome, string label, string attributes)
    {
        sb.Append("<div class=\"formula\"").Append(attributes).Append("><span class=\"label\">").Append(Html.Escape(label)).Append("</span> <code>")
            .Append(Html.Escape(genome)).Append("</code>");
        if (run.TryParse(genome) is NormActGenome g)
        {
            string? latex = null;
            try { latex = LatexFormula.Of(g.Root); }
            // A formula LaTeX cannot write is shown as text only: the report must render whatever a run holds.
            catch (Exception e) when (e is not OutOfMemoryException) { }
            if (latex is not null) sb.Append("<div class=\"latex\">").Append(Html.Escape(latex)).Append("</div>");
        }
        sb.Append("</div>\n");
    }
}
