using System.Text;
using Evaluators.Export;
using Search.Genomes.NormAct;

namespace Evaluators.Families.NormAct;

/// <summary>
/// A norm-act layer as code (<see cref="NormActPython"/>, <see cref="NormActCSharp"/>): per-channel
/// parameters at their initial values and the compiled module's running buffers. Parameters are
/// per-channel vectors, so trained scalar values do not apply and LaTeX lists none.
/// </summary>
public sealed record NormActExportLayer(ExportItem Item, string ClassName, NormActGenome Genome, IReadOnlyList<LearnedScalar> Values)
    : ExportLayer(Item, "norm-act", ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => Values;
    public override string PythonHelpers => NormActPython.Helpers;

    /// <exception cref="ArgumentException">The item carries learned scalar values.</exception>
    public static NormActExportLayer Of(ExportItem item, NormActGenome genome, string className) =>
        item.Learned is { Count: > 0 }
            ? throw new ArgumentException($"'{item.Name}': norm-act parameters are per-channel; scalar learned values do not apply", nameof(item))
            : new(item, className, genome, Scalars(item, genome.Parameters));

    public override void WritePyTorch(StringBuilder sb) =>
        NormActPython.WriteClass(sb, this, PyTorchExport.DocstringOf(this, Learnables.ToDictionary(l => l.Name, l => l.Name),
            "Per-channel parameters (initial value)", showInit: false));

    public override void WriteTorchSharp(StringBuilder sb)
    {
        if (Learnables.Count > 0)
            TorchSharpExport.Remarks(sb, "Per-channel parameters start at", Learnables.Select(l => $"{l.Name} = {Literals.CSharp(l.Value)}"));
        NormActCSharp.WriteClass(sb, this);
    }

    public override string Latex() => LatexFormula.Of(Genome.Root);
}
