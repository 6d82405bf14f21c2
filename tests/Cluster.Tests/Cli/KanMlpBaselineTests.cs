using Cluster.Runs;
using Cluster.Spaces;
using Cluster.Tests.Spaces;

namespace Cluster.Tests.Cli;

/// <summary>
/// The kan-basis family's built-in "mlp" baseline (an MLP of the B-spline KAN's parameter count) as a
/// space lists it: trained beside the search, kept in the run, retrained by confirm; other names are refused.
/// </summary>
public sealed class KanMlpBaselineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kan-mlp-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Yaml(string baselines) => $"""
        name: kan-mlp
        seed: 3
        family:
          name: kan-basis
          layers: 2
          allowed: [bspline, chebyshev]
        strategy:
          name: aging
          population: 2
          sample: 1
        objectives:
          - metric: validation_rmse
          - metric: parameters
        evaluation:
          tasks: [kan-xy]
          epochs: 10
        rejection:
          hurdle: off
        budget:
          max_evaluations: 2
        lookahead: 1
        baselines: {baselines}
        """;

    [Fact]
    public void A_space_lists_the_mlp_beside_genomes()
    {
        var space = SearchSpaceFile.Parse(Yaml("['bspline(grid=5, order=3) | bspline(grid=5,order=3)', mlp]"), "kan.yaml");
        Assert.Equal(["bspline(grid=5,order=3) | bspline(grid=5,order=3)", "mlp"], space.Baselines);
    }

    [Fact]
    public void Another_name_is_refused_naming_the_builtins_and_the_activation_family_has_none()
    {
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Parse(Yaml("[mpl]"), "kan.yaml"));
        Assert.Contains("baseline (a genome or one of mlp) 'mpl' is not a valid kan-basis genome", e.Message);
        Assert.StartsWith("kan.yaml:22:13: ", e.Message); // the name inside the list

        var a = SpaceFiles.LoadFails(SpaceFiles.Valid.Replace("baselines: [relu(x), gelu(x)]", "baselines: [mlp]"));
        Assert.Contains("baseline 'mlp' is not a valid activation genome", a.Problem);
    }

    [Fact]
    public void The_run_trains_the_mlp_as_a_baseline_and_confirm_retrains_it()
    {
        string path = Path.Combine(_dir, "space.yaml");
        File.WriteAllText(path, Yaml("['bspline(grid=5,order=3) | bspline(grid=5,order=3)', mlp]"));
        string run = Path.Combine(_dir, "run");
        var (code, stdout, stderr) = ProgramRunner.Run("run", path, "--out", run, "--workers", "1", "--threads", "1");
        Assert.True(code == 0, stderr + stdout);

        var baselines = RunRecord.Load(run).Baselines;
        Assert.Equal(["bspline(grid=5,order=3) | bspline(grid=5,order=3)", "mlp"], baselines.Select(b => b.Genome));
        var kan = baselines[0].Objectives!;
        var mlp = baselines[1].Objectives!;
        Assert.Equal((60.0, 61.0), (kan[1], mlp[1])); // [2, 2, 1] B-spline KAN against the MLP [2, 15, 1]
        Assert.InRange(mlp[0], 0, 0.2);               // x y (sd 1/3) is learned in 10 L-BFGS steps

        (code, stdout, stderr) = ProgramRunner.Run("confirm", run, "--seeds", "2", "--top", "1", "--workers", "1");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains(stdout.Split('\n'), l => l.Contains("mlp") && l.Contains("baseline"));
    }
}
