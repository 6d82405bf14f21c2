using System.Text.Json;
using Cluster.Cli;
using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Support;

namespace Cluster.Tests.Cli;

/// <summary>
/// A tiny real kan-basis search (kan-expsin, 2 epochs, 6 evaluations) keeps its candidates' trained
/// coefficients, and `search export` writes them in every format.
/// </summary>
[Collection("akka-runs")]
public sealed class KanExportTests
{
    private const string Space = """
        name: kan-tiny
        seed: 3
        family:
          name: kan-basis
          layers: 2
          allowed: [bspline, rbf, chebyshev, fourier, rational, relu_kan, af_kan, select]
          grid: [3, 5]
          order: [1, 3]
          centers: [4, 6]
          degree: [2, 4]
          frequencies: [1, 3]
        strategy:
          name: aging
          population: 4
          sample: 2
        objectives:
          - name: rmse
            metric: validation_rmse
            direction: minimize
        evaluation:
          tasks: [kan-expsin]
          epochs: 2
        rejection:
          hurdle: off
        budget:
          max_evaluations: 6
        """;

    private static Task<int> Invoke(params string[] args) => SearchCli.Invoke(SearchComposition.Default, args);

    [Fact]
    public async Task A_kan_search_exports_its_trained_networks_in_every_format()
    {
        string spaceFile = SearchCli.WriteSpace("kan-export", "kan-tiny.yaml", Space);
        string dir = Path.GetDirectoryName(spaceFile)!;
        string run = Path.Combine(dir, "run");
        Assert.Equal(0, await Invoke("run", spaceFile, "--out", run, "--threads", "1"));

        var record = RunRecord.Load(run);
        var space = SearchSpaceFile.Load(spaceFile);
        var best = RunRanking.Front(record.Status!, space.Objectives.Items[0].ToMinimized).First();
        Assert.True(best.Learned!["kan.values"] > 0);
        Assert.Equal([2.0, 1.0, 1.0], [best.Learned["kan.0.in"], best.Learned["kan.0.out"], best.Learned["kan.1.out"]]);

        string json = Path.Combine(dir, "top.json");
        Assert.Equal(0, await Invoke("export", run, "--top", "1", "--format", "json", "--out", json));
        var kan = JsonDocument.Parse(File.ReadAllText(json)).RootElement[0].GetProperty("kan");
        Assert.Equal([2, 1, 1], kan.GetProperty("widths").EnumerateArray().Select(v => v.GetInt32()));
        Assert.StartsWith("Trained coefficients: embedded", kan.GetProperty("coefficients").GetString());
        var baseWeight = kan.GetProperty("parameters").GetProperty("layer0.base_weight").GetProperty("values");
        Assert.Equal((float)best.Learned["kan.0.base_weight.1"], baseWeight[1].GetSingle());

        string python = RunExport.Export(record, space, 1, "pytorch");
        Assert.Contains("class KanTiny" + best.Id + "(nn.Sequential):", python);
        Assert.Contains("    WIDTHS = [2, 1, 1]", python);
        Assert.Contains("\"layer0.base_weight\": ([1, 2], [", python);
        string csharp = RunExport.Export(record, space, 1, "torchsharp");
        Assert.Contains("public static readonly long[] Widths = new long[] { 2, 1, 1 };", csharp);
        Assert.Contains("[\"layer1.base_weight\"] = tensor(new float[]", csharp);
        Assert.Contains("\\text{KAN } [2, 1, 1]", RunExport.Export(record, space, 1, "latex"));
    }
}
