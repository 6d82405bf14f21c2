using System.Text;
using System.Text.Json;
using Evaluators.Export;
using Search.Genomes.Routing;

namespace Evaluators.Families.Routing;

/// <summary>
/// A routing genome for export as a mixture-of-experts layer class with the genome baked in:
/// PyTorch (<see cref="RoutingExportPython"/>) and TorchSharp (<see cref="RoutingExportCSharp"/>) code
/// that computes <see cref="MoeLayer"/>'s forward (router, gate, selection, capacity and queue order,
/// drops, combination, counters and loss terms) with its parameter names, so a state_dict of the
/// trained layer loads into either; JSON (<see cref="RoutingExportJson"/>) with the genome's fields, the
/// formulas and the tensors' names and shapes; LaTeX (<see cref="RoutingExportLatex"/>) with the gate,
/// selection, combination, capacity and loss terms. Parameters are tensors, so trained scalar values do
/// not apply: load the trained layer's state_dict.
/// </summary>
public sealed record RoutingExportLayer(ExportItem Item, string ClassName, RoutingGenome Genome)
    : ExportLayer(Item, RoutingFamily.FamilyName, ClassName)
{
    public override IReadOnlyList<LearnedScalar> Learnables => [];

    /// <exception cref="ArgumentException">The item carries learned scalar values.</exception>
    public static RoutingExportLayer Of(ExportItem item, RoutingGenome genome, string className)
    {
        if (item.Learned is { Count: > 0 })
            throw new ArgumentException($"'{item.Name}': routing parameters are tensors; scalar learned values do not apply (load the trained layer's state_dict)", nameof(item));
        return new(item, className, genome);
    }

    /// <summary>The class of the stacked experts (a suffix item names never produce).</summary>
    public string ExpertsClassName => ClassName + "_Experts";

    /// <summary>The top-p threshold p in (0, 1] of a <c>top_p</c> genome (key <c>p</c>); null for the other gates.</summary>
    public double? TopP => Genome.TopP;

    /// <summary>
    /// The balancing-bias update rate u &gt;= 0 (key <c>bias</c>) of a token-choice gate, 0 where the genome
    /// has none; null for expert choice. Like <see cref="MoeLayer"/>, every token-choice layer has the
    /// <c>balance_bias</c> (E) buffer (also at u = 0), selects on p + b and weighs with p; after a training
    /// step <c>update_bias()</c> / <c>UpdateBias()</c> (<see cref="MoeLayer.AfterStep"/>) moves it when u &gt; 0:
    /// b_i += u sign(mean load - load_i), load_i the routes that chose expert i (before capacity) in the last
    /// training forward.
    /// </summary>
    public double? BiasRate => Genome.Gate == GateType.ExpertChoice ? null : Genome.BiasRate ?? 0;

    /// <summary>How routes are chosen: each token its top k experts or its top-p set, or each expert its top C tokens.</summary>
    public RoutingSelection Selection =>
        Genome.Gate == GateType.ExpertChoice ? RoutingSelection.ExpertChoice
        : TopP is not null ? RoutingSelection.TopP
        : RoutingSelection.TopK;

    public bool HasBias => Genome.Gate != GateType.ExpertChoice;

    public bool HasNoise => Genome.Gate == GateType.NoisyTopK;

    /// <summary>The gate's name as the genome text writes it.</summary>
    public string GateName => RoutingNames.Gates[Genome.Gate];

    /// <summary>Parameters and buffers in <see cref="MoeLayer"/>'s state_dict: name, shape (E a number, d and h by name), kind, init.</summary>
    public IReadOnlyList<RoutingTensor> Tensors
    {
        get
        {
            string e = Genome.Experts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var list = new List<RoutingTensor>
            {
                new("router_weight", [e, "features"], "parameter", "uniform(-1/sqrt(features), 1/sqrt(features))"),
            };
            if (HasNoise) list.Add(new("noise_weight", [e, "features"], "parameter", "zeros"));
            list.Add(new("experts.w1", [e, "features", "hidden"], "parameter", "uniform(-1/sqrt(features), 1/sqrt(features))"));
            list.Add(new("experts.b1", [e, "hidden"], "parameter", "uniform(-1/sqrt(features), 1/sqrt(features))"));
            list.Add(new("experts.w2", [e, "hidden", "features"], "parameter", "uniform(-1/sqrt(hidden), 1/sqrt(hidden))"));
            list.Add(new("experts.b2", [e, "features"], "parameter", "uniform(-1/sqrt(hidden), 1/sqrt(hidden))"));
            if (HasBias) list.Add(new("balance_bias", [e], "buffer", "zeros"));
            return list;
        }
    }

    public override void WritePyTorch(StringBuilder sb) => RoutingExportPython.Write(sb, this);

    public override void WriteTorchSharp(StringBuilder sb) => RoutingExportCSharp.Write(sb, this);

    public override void WriteJson(Utf8JsonWriter writer) => RoutingExportJson.Write(writer, this);

    public override string Latex() => RoutingExportLatex.Of(this);
}

/// <summary>How a routing layer pairs tokens with experts.</summary>
public enum RoutingSelection { TopK, TopP, ExpertChoice }

/// <summary>A tensor of the exported layer's state_dict: shape entries are numbers or "features" / "hidden".</summary>
public sealed record RoutingTensor(string Name, IReadOnlyList<string> Shape, string Kind, string Init);
