using System.Text.Json;
using Evaluators.Export;
using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;

namespace Evaluators.Tests.Export.Kan;

/// <summary>JSON carries widths, grids, B-spline domains and the trained state (or says it was not kept); LaTeX names the bases.</summary>
public class KanJsonLatexExportTests
{
    public KanJsonLatexExportTests() => TorchRuntime.EnsureReady(1);

    private static JsonElement Kan(ExportItem item) =>
        JsonDocument.Parse(Exporter.Export("json", [item], new ExportOptions())).RootElement[0].GetProperty("kan");

    [Fact]
    public void Json_has_widths_groups_grids_and_every_trained_value()
    {
        var c = KanNetworks.Named("overrides");
        using var model = KanNetworks.Build(c);
        var kan = Kan(KanNetworks.Item(c, model));
        Assert.Equal(c.Widths, kan.GetProperty("widths").EnumerateArray().Select(v => v.GetInt32()));
        Assert.StartsWith("Trained coefficients: embedded", kan.GetProperty("coefficients").GetString());
        var layer0 = kan.GetProperty("layers")[0];
        Assert.Equal(["0,4", "1,3", "2"], layer0.GetProperty("groups").EnumerateArray()
            .Select(g => string.Join(",", g.GetProperty("nodes").EnumerateArray().Select(v => v.GetInt32()))));
        var spline = layer0.GetProperty("groups")[0];
        Assert.Equal(KanGridsKnots, spline.GetProperty("knots").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(8, layer0.GetProperty("groups")[1].GetProperty("centres").GetArrayLength());
        var state = model.state_dict();
        var parameters = kan.GetProperty("parameters");
        Assert.Equal(state.Keys, parameters.EnumerateObject().Select(p => p.Name));
        foreach (var (name, value) in state)
            Assert.Equal(value.flatten().data<float>().ToArray(), parameters.GetProperty(name).GetProperty("values").EnumerateArray().Select(v => v.GetSingle()));
    }

    [Fact]
    public void Json_gives_each_bspline_group_the_domains_of_its_nodes()
    {
        var c = KanNetworks.Named("grid update");
        using var model = KanNetworks.Build(c);
        var kan = Kan(KanNetworks.Item(c, model));
        var state = model.state_dict();
        var groups = kan.GetProperty("layers")[0].GetProperty("groups");
        foreach (int g in new[] { 0, 3 })
            foreach (var end in new[] { "low", "high" })
                Assert.Equal(state[$"layer0.grid_{end}_{g}"].data<float>().ToArray(), groups[g].GetProperty(end).EnumerateArray().Select(v => v.GetSingle()));
        Assert.False(groups[1].TryGetProperty("low", out _)); // rbf
        Assert.False(groups[2].TryGetProperty("low", out _)); // a select's bspline candidate has no domain
        Assert.Equal(3, kan.GetProperty("layers")[1].GetProperty("groups")[0].GetProperty("high").GetArrayLength());
        var parameters = kan.GetProperty("parameters");
        Assert.True(parameters.GetProperty("layer1.grid_high_0").GetProperty("buffer").GetBoolean());
        Assert.False(parameters.GetProperty("layer1.base_weight").TryGetProperty("buffer", out _));
    }

    // bspline(grid=5,order=3): h = 0.4, knots -2.2 .. 2.2.
    private static readonly double[] KanGridsKnots = Enumerable.Range(0, 12).Select(j => (j - 3) * 0.4 - 1.0).ToArray();

    [Fact]
    public void Json_says_when_the_coefficients_were_not_kept()
    {
        var genome = KanBasisGenome.Create([KanLayer.Create(new BSplineBasis(5, 3))]);
        using var model = KanNetworks.Build(genome, [784, 4, 10]);
        var kan = Kan(new ExportItem(genome, "big", new CompiledKan(genome, null).ReadLearned(model)));
        Assert.Contains("were not kept: the network has 31,760 values", kan.GetProperty("coefficients").GetString());
        Assert.Equal(JsonValueKind.Null, kan.GetProperty("parameters").GetProperty("layer0.spline_weight_0").GetProperty("values").ValueKind);
        Assert.Equal(JsonValueKind.Null, kan.GetProperty("layers")[0].GetProperty("groups")[0].GetProperty("low").ValueKind);
        var bare = Kan(new ExportItem(genome, "bare"));
        Assert.Equal(JsonValueKind.Null, bare.GetProperty("widths").ValueKind);
        Assert.Contains("recorded no widths", bare.GetProperty("coefficients").GetString());
    }

    [Fact]
    public void Latex_names_the_widths_and_the_bases()
    {
        var c = KanNetworks.Named("bspline");
        using var model = KanNetworks.Build(c);
        string latex = Exporter.Export("latex", [KanNetworks.Item(c, model)], new ExportOptions());
        Assert.Contains("\\text{KAN } [3, 4, 2]\\text{: } \\texttt{bspline(grid=5,order=3)} \\to \\texttt{bspline(grid=3,order=1)}", latex);
    }

    [Fact]
    public void Learned_values_of_another_network_are_refused_by_item_name()
    {
        var c = KanNetworks.Named("bspline");
        using var model = KanNetworks.Build(KanNetworks.Named("chebyshev").Genome, c.Widths);
        var item = new ExportItem(c.Genome, "mismatch", new CompiledKan(c.Genome, null).ReadLearned(model));
        var e = Assert.Throws<ArgumentException>(() => Exporter.Export("json", [item], new ExportOptions()));
        Assert.StartsWith("'mismatch': ", e.Message);
    }
}
