using Cluster.Runs;

namespace Cluster.Tests.Cli;

/// <summary>`search run` over the user's CSV file: evaluation.data travels in the jobs; a run's copy of the space still finds it.</summary>
public sealed class CsvSearchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csv-search-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Space()
    {
        string path = Path.Combine(_dir, "space.yaml");
        File.WriteAllText(path, SineCsv.SpaceYaml("csv-search", evaluations: 4, epochs: 20,
            "baselines: ['bspline(grid=5,order=3) | bspline(grid=5,order=3)']"));
        return path;
    }

    [Fact]
    public void A_search_over_a_csv_file_evaluates_its_candidates_and_resumes_from_the_runs_copy()
    {
        var (_, std) = SineCsv.Write(Path.Combine(_dir, "data", "sine.csv"));
        string run = Path.Combine(_dir, "run");
        var (code, stdout, stderr) = ProgramRunner.Run("run", Space(), "--out", run, "--workers", "1", "--threads", "1");
        Assert.True(code == 0, stderr + stdout);

        var record = RunRecord.Load(run);
        Assert.Equal((4L, 0L), (record.Status!.Done, record.Status.Failed));
        Assert.True(record.Status.Accepted >= 1);
        var baseline = Assert.Single(record.Baselines);
        Assert.InRange(baseline.Objectives![0], 0, 0.5 * std); // validation RMSE, in y's units

        // The copy in the run directory names data/sine.csv relative to the original space file's folder.
        (code, stdout, stderr) = ProgramRunner.Run("resume", run, "--workers", "1", "--threads", "1");
        Assert.True(code == 0, stderr + stdout);
    }

    [Fact]
    public void A_bad_csv_file_stops_the_run_before_it_starts_naming_file_and_line()
    {
        var (path, _) = SineCsv.Write(Path.Combine(_dir, "data", "sine.csv"));
        var lines = File.ReadAllLines(path);
        lines[9] = "1,2"; // line 10
        File.WriteAllLines(path, lines);
        string run = Path.Combine(_dir, "run");
        var (code, _, stderr) = ProgramRunner.Run("run", Space(), "--out", run);
        Assert.Equal(2, code);
        Assert.Equal($"error: {path}:10: the row has 2 fields, the header has 3", stderr.Trim());
        Assert.False(Directory.Exists(run));
    }
}
