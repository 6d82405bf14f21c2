using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Search.Genomes.Routing;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export.Routing;

/// <summary>
/// JSON of routing layers parses and lists the genome's fields (top_p: p and no k; token choice: the bias rate),
/// formulas and the search layer's tensors in its state_dict order (balance_bias last, for every token-choice gate);
/// LaTeX is non-empty and names the gate; the family plugin exports its genomes (though not yet evaluable).
/// </summary>
public class RoutingExportTextTests
{
    public RoutingExportTextTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Json_parses_with_the_genome_fields_formulas_and_the_layer_tensors()
    {
        var layers = RoutingExportCases.Layers();
        var doc = JsonDocument.Parse(JsonExport.Array(layers, new ExportOptions { RunId = "run-moe" })).RootElement;
        Assert.Equal(layers.Length, doc.GetArrayLength());
        using var scope = NewDisposeScope();
        for (int i = 0; i < layers.Length; i++)
        {
            var c = RoutingExportCases.All[i];
            var e = doc[i];
            Assert.Equal("routing", e.GetProperty("family").GetString());
            Assert.Equal(c.Genome.Text, e.GetProperty("genome").GetString());
            var r = e.GetProperty("routing");
            Assert.Equal(RoutingNames.Gates[c.Genome.Gate], r.GetProperty("gate").GetString());
            Assert.Equal(c.Genome.Experts, r.GetProperty("experts").GetInt32());
            Assert.Equal(c.Genome.Capacity, r.GetProperty("capacity").GetDouble());
            Assert.Equal(c.Genome.K.HasValue, r.TryGetProperty("k", out _));
            Assert.Equal(c.Genome.Schedule is not null, r.TryGetProperty("schedule", out _));
            Assert.Equal(c.Genome.Activation.HasValue, r.TryGetProperty("act", out _));
            Assert.Equal(c.Genome.TopP.HasValue, r.TryGetProperty("p", out var p));
            if (c.Genome.TopP is { } topP) Assert.Equal(topP, p.GetDouble());
            Assert.Equal(c.Genome.Gate switch { GateType.ExpertChoice => "expert_choice", GateType.TopP => "top_p", _ => "top_k" },
                r.GetProperty("selection").GetString());
            bool tokenChoice = c.Genome.Gate != GateType.ExpertChoice;
            Assert.Equal(tokenChoice, r.TryGetProperty("bias", out var bias));
            if (tokenChoice) Assert.Equal(c.Genome.BiasRate, bias.GetDouble());
            Assert.Equal(tokenChoice, r.GetProperty("formulas").TryGetProperty("bias", out _));
            foreach (var key in new[] { "probabilities", "selection", "weights", "combination", "capacity", "z_loss" })
                Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("formulas").GetProperty(key).GetString()), key);
            using var moe = RoutingExportCases.Build(c);
            var tensors = r.GetProperty("tensors").EnumerateArray().ToArray();
            Assert.Equal(moe.state_dict().Keys, tensors.Select(t => t.GetProperty("name").GetString()!)); // in MoeLayer's order
            foreach (var t in tensors)
            {
                var shape = moe.state_dict()[t.GetProperty("name").GetString()!].shape;
                var dims = t.GetProperty("shape").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number ? d.GetInt64()
                    : d.GetString() == "features" ? RoutingExportCases.Features : RoutingExportCases.Hidden).ToArray();
                Assert.Equal(shape, dims);
            }
        }
    }

    [Fact]
    public void Latex_names_the_gate_its_selection_capacity_and_losses()
    {
        foreach (var layer in RoutingExportCases.Layers())
        {
            var tex = layer.Latex();
            Assert.False(string.IsNullOrWhiteSpace(tex));
            Assert.Contains($"\\texttt{{{LatexExport.Escape(layer.GateName)}}}", tex);
            Assert.Contains("\\mathrm{softmax}", tex);
            Assert.Contains("\\lfloor", tex);
            Assert.Contains("\\mathcal{L}_{\\mathrm{aux}}", tex);
            Assert.Contains(layer.Selection switch
            {
                RoutingSelection.ExpertChoice => "T_e",
                RoutingSelection.TopP => "\\operatorname{argsort}",
                _ => "\\operatorname{top}",
            }, tex);
            Assert.Equal(layer.BiasRate > 0, tex.Contains("b_i \\leftarrow"));
            Assert.Equal(tex.Split("\\begin{aligned}").Length, tex.Split("\\end{aligned}").Length);
        }
        var all = LatexExport.Write(RoutingExportCases.Layers(), new ExportOptions());
        Assert.Contains("\\begin{equation}", all);
    }

    [Fact]
    public void The_family_exports_its_genomes_in_every_format_and_refuses_learned_scalars()
    {
        var family = new RoutingLayerFamily();
        var c = RoutingExportCases.Named("noisy k2");
        var layer = Assert.IsType<RoutingExportLayer>(family.Export(RoutingExportCases.Item(c), "MoeNoisy"));
        Assert.Equal("routing", layer.Family);
        Assert.Equal(Exporter.Formats, family.ExportFormats);
        Assert.Contains("class MoeNoisy(nn.Module)", PyTorchExport.Write([layer], new ExportOptions()));
        Assert.Contains("public sealed class MoeNoisy ", TorchSharpExport.Write([layer], new ExportOptions()));
        var e = Assert.Throws<ArgumentException>(() => family.Export(RoutingExportCases.Item(c) with { Learned = new Dictionary<string, double> { ["tau"] = 1 } }, "X"));
        Assert.Contains("state_dict", e.Message);
    }
}
