using System.Globalization;
using System.Text;
using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.KanBasis.Export;
using Search.Genomes.KanBasis;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// A KAN genome for export, with what the run kept of its trained network (<see cref="KanLearned"/>):
/// PyTorch and TorchSharp code of the network (one class per distinct layer, the network stacking
/// them at the template's widths, the trained coefficients and grid domains embedded), JSON with the
/// grids, domains and coefficients, and LaTeX naming the bases layer by layer.
/// </summary>
public sealed record KanExportLayer(ExportItem Item, string ClassName, KanBasisGenome Genome, KanNetworkPlan Plan, KanTrainedValues Trained)
    : ExportLayer(Item, "kan-basis", ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => [];
    public override string PythonHelpers => KanPythonBases.Helpers;
    public override string CSharpHelpers => KanCSharpBases.Helpers;

    /// <exception cref="ArgumentException">Learned values that are not a KAN network of this genome (names, widths, sizes).</exception>
    public static KanExportLayer Of(ExportItem item, KanBasisGenome genome, string className)
    {
        try
        {
            var trained = KanLearned.Parse(item.Learned);
            var plan = KanNetworkPlan.Of(genome, trained.Widths);
            if (trained.Widths is not null) trained = KanTrainedState.Complete(plan, trained);
            return new KanExportLayer(item, className, genome, plan, trained);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"'{item.Name}': {e.Message}", nameof(item), e);
        }
    }

    /// <summary>The class of the network's layer class <paramref name="index"/> (a suffix item names never produce).</summary>
    public string LayerClassName(int index) => $"{ClassName}_Layer{index}";

    /// <summary>What the generated code starts from, in one sentence.</summary>
    public string CoefficientsNote => Trained switch
    {
        { Tensors: not null } => $"Trained coefficients: embedded ({Trained.Values.ToString(CultureInfo.InvariantCulture)} values" +
            (Item.LearnedSource is { } source ? $"; {source}" : "") + "), loaded when built at the trained widths.",
        { Widths: not null } => $"Trained coefficients were not kept: the network has {Trained.Values.ToString("N0", CultureInfo.InvariantCulture)} values, " +
            $"more than the {KanLearned.MaxValues.ToString("N0", CultureInfo.InvariantCulture)} a run records per candidate; parameters start at the search's initialisation " +
            "(`search export` retrains it with the run's seed unless given --no-retrain; or train it, or load a state_dict of the trained network).",
        _ => "The run recorded no widths or coefficients for this candidate: give the widths [inputs, hidden..., outputs]; parameters start at the search's initialisation.",
    };

    public override void WritePyTorch(StringBuilder sb)
    {
        for (int c = 0; c < Plan.Classes.Count; c++) KanPythonLayer.Write(sb, LayerClassName(c), Plan.Classes[c]);
        KanPythonNetwork.Write(sb, this);
    }

    public override void WriteTorchSharp(StringBuilder sb)
    {
        KanCSharpNetwork.Write(sb, this);
        for (int c = 0; c < Plan.Classes.Count; c++) KanCSharpLayer.Write(sb, LayerClassName(c), Plan.Classes[c]);
    }

    public override void WriteJson(Utf8JsonWriter w) => KanJson.Write(w, this);

    /// <summary>The widths when known, then the layers' bases: <c>\text{KAN } [2, 1, 1]\text{: } \texttt{bspline(...)} \to ...</c>.</summary>
    public override string Latex()
    {
        string head = Plan.Widths is { } widths ? $"\\text{{KAN }} [{string.Join(", ", widths)}]\\text{{: }} " : "\\text{KAN: } ";
        return head + string.Join(" \\to ", Genome.Layers.Select(l => $"\\texttt{{{LatexExport.Escape(l.Text)}}}"));
    }
}
