using System.Text;
using Evaluators.Export;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// A KAN genome for export: JSON (the genome and its objectives) and LaTeX (the bases layer by layer).
/// Code (PyTorch, TorchSharp) with trained coefficients and grids is not written yet: the family's
/// <see cref="KanBasisLayerFamily.ExportFormats"/> leaves those formats out, so they are refused before any writer runs.
/// </summary>
public sealed record KanExportLayer(ExportItem Item, string ClassName, KanBasisGenome Genome) : ExportLayer(Item, "kan-basis", ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => [];

    public override void WritePyTorch(StringBuilder sb) => throw new NotSupportedException("KAN layers are not written as PyTorch code yet");
    public override void WriteTorchSharp(StringBuilder sb) => throw new NotSupportedException("KAN layers are not written as TorchSharp code yet");

    /// <summary>The layers' bases, e.g. <c>\mathrm{bspline}(G{=}5, k{=}3) \to \mathrm{rbf}(...)</c>.</summary>
    public override string Latex() => "\\text{KAN: } " + string.Join(" \\to ", Genome.Layers.Select(l => $"\\texttt{{{LatexExport.Escape(l.Text)}}}"));
}
