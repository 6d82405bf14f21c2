using Evaluators.Export;
using Search.Core;
using Search.Genomes.Activation;
using Search.Genomes.NormAct;

namespace Evaluators.Tests.Export;

/// <summary>The entry point: format choice, item validation, class names.</summary>
public class ExporterTests
{
    private static readonly ActivationFamily Family = new();
    private static readonly ExportItem Relu = new(Family.Parse("relu(x)"), "ReLU");

    [Fact]
    public void An_unknown_format_names_the_value_and_the_choices()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exporter.Export("onnx", [Relu], new ExportOptions()));
        Assert.Contains("'onnx'", ex.Message);
        foreach (var format in Exporter.Formats) Assert.Contains(format, ex.Message);
    }

    [Fact]
    public void Every_format_writes_every_item()
    {
        var items = new[] { Relu, new ExportItem(Family.Parse("gelu(x)"), "GELU"), new ExportItem(new NormActFamily().Parse("x * gamma + beta"), "affine") };
        foreach (var format in Exporter.Formats)
        {
            var text = Exporter.Export(format, items, new ExportOptions());
            foreach (var item in items) Assert.Contains(item.Genome.Text, text);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Without_a_run_id_the_headers_name_no_run(string? run)
    {
        foreach (var format in new[] { "pytorch", "torchsharp", "latex" })
            Assert.DoesNotContain("(run", Exporter.Export(format, [Relu], new ExportOptions { RunId = run }));
        Assert.Contains("\"run_id\": null", Exporter.Export("json", [Relu], new ExportOptions { RunId = run }));
        Assert.Contains("(run r-1)", Exporter.Export("pytorch", [Relu], new ExportOptions { RunId = "r-1" }));
    }

    [Fact]
    public void A_learned_value_for_a_name_the_genome_lacks_is_refused()
    {
        var item = new ExportItem(Family.Parse("x * sigmoid(@b(1) * x)"), "Swish", new Dictionary<string, double> { ["c"] = 2 });
        var ex = Assert.Throws<ArgumentException>(() => Exporter.Export("json", [item], new ExportOptions()));
        Assert.Contains("'c'", ex.Message);
    }

    [Fact]
    public void Scalar_learned_values_on_a_norm_act_layer_are_refused()
    {
        var genome = new NormActFamily().Parse("x * gamma + beta");
        var item = new ExportItem(genome, "affine", new Dictionary<string, double> { ["gamma"] = 2 });
        Assert.Throws<ArgumentException>(() => Exporter.Export("json", [item], new ExportOptions()));
    }

    private sealed record OtherGenome(string Text, ulong StructuralHash) : IGenome;

    [Fact]
    public void Other_genome_types_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exporter.Export("latex", [new ExportItem(new OtherGenome("a", 1), "other")], new ExportOptions()));
        Assert.Contains("OtherGenome", ex.Message);
    }

    [Theory]
    [InlineData("CRReLU", "CRReLU")]
    [InlineData("top-1 swish", "Top1Swish")]
    [InlineData("3rd best", "Layer3rdBest")]
    [InlineData("", "Layer")]
    [InlineData("-- ", "Layer")]
    [InlineData("tensor", "TensorLayer")]
    [InlineData("none", "NoneLayer")]
    [InlineData("genome", "GenomeLayer")]
    [InlineData("batch", "BatchLayer")]
    public void Class_names_are_identifiers(string display, string className) => Assert.Equal(className, Identifiers.ClassName(display));

    [Fact]
    public void Class_names_are_unique_within_an_export()
    {
        var layers = ExportLayer.ResolveAll([Relu, Relu with { Name = "relu" }, Relu with { Name = "ReLU" }]);
        Assert.Equal(["ReLU", "Relu", "ReLU_2"], layers.Select(l => l.ClassName));
    }
}
