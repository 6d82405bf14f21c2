using System.Text.Json;
using Evaluators.Export;
using Search.Genomes.Activation;
using Search.Genomes.NormAct;

namespace Evaluators.Tests.Export;

/// <summary>JSON documents: exact key order and values, top-K arrays in the given order.</summary>
public class JsonExportTests
{
    private static readonly ActivationFamily Family = new();

    private static ExportItem CrRelu() => new(Family.Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)"), "CRReLU",
        new Dictionary<string, double> { ["e"] = 0.0123 },
        new Dictionary<string, double> { ["val_accuracy"] = 0.91, ["params"] = 1, ["latency_ms"] = double.NaN },
        new Dictionary<string, string> { ["individual"] = "42", ["generation"] = "7" });

    [Fact]
    public void One_layer_is_one_document_with_stable_key_order()
    {
        var item = CrRelu();
        string hash = item.Genome.StructuralHash.ToString("x16");
        string json = JsonExport.Layer(ExportLayer.Resolve(item), new ExportOptions { RunId = "run-7" });
        Assert.Equal($$"""
            {
              "name": "CRReLU",
              "family": "activation",
              "genome": "relu(x) + @e(0.01) * x * exp(-x^2 / 2)",
              "structural_hash": "{{hash}}",
              "learnables": {
                "e": {
                  "init": 0.01,
                  "value": 0.0123
                }
              },
              "unit_gain": null,
              "objectives": {
                "latency_ms": null,
                "params": 1,
                "val_accuracy": 0.91
              },
              "metadata": {
                "generation": "7",
                "individual": "42"
              },
              "run_id": "run-7"
            }

            """.ReplaceLineEndings("\n"), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Top_k_is_one_array_in_the_given_order()
    {
        var items = new[]
        {
            CrRelu(),
            new ExportItem(Family.Parse("x * sigmoid(@b(1) * x)"), "Swish"),
            new ExportItem(new NormActFamily().Parse("x * sigmoid(x * v1) / group_std(x) * gamma + beta"), "EvoNorm-S0"),
        };
        using var doc = JsonDocument.Parse(Exporter.Export("json", items, new ExportOptions()));
        var layers = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["CRReLU", "Swish", "EvoNorm-S0"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(1.0, layers[1].GetProperty("learnables").GetProperty("b").GetProperty("value").GetDouble()); // the init
        Assert.Equal("norm-act", layers[2].GetProperty("family").GetString());
        Assert.Equal(["v1", "gamma", "beta"], layers[2].GetProperty("learnables").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, layers[0].GetProperty("run_id").ValueKind);
        Assert.Equal(items[2].Genome.Text, layers[2].GetProperty("genome").GetString());
    }

    [Fact]
    public void The_genome_text_round_trips_through_the_document()
    {
        var item = CrRelu();
        using var doc = JsonDocument.Parse(Exporter.Export("json", [item], new ExportOptions()));
        var text = doc.RootElement[0].GetProperty("genome").GetString()!;
        Assert.Equal(item.Genome, Family.Parse(text));
    }
}
