using Cluster.Spaces;

namespace Cluster.Tests.Spaces;

/// <summary>evaluation.data / target / split_seed: the user's CSV file for the CSV tasks (kan-csv).</summary>
public sealed class CsvSectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csv-space-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A kan-basis space over kan-csv; <paramref name="evaluation"/> replaces the evaluation section's body (lines 15 on).</summary>
    private static string Space(string evaluation) =>
        "name: t\nfamily:\n  name: kan-basis\nstrategy:\n  name: aging\n  population: 4\n  sample: 2\nobjectives:\n  - metric: validation_rmse\n" +
        "rejection:\n  hurdle: off\nbudget:\n  max_evaluations: 4\nevaluation:\n" + evaluation;

    private string Write(string yaml, string name = "space.yaml")
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void The_file_is_resolved_against_the_space_files_folder_and_travels_in_the_plan()
    {
        string path = Write(Space("  tasks: [kan-csv]\n  data: sub/data.csv\n  target: y\n  split_seed: 3\n"));
        var csv = SearchSpaceFile.Load(path).Evaluation.Csv!;
        Assert.Equal(Path.Combine(_dir, "sub", "data.csv"), csv.Path);
        Assert.Equal(("y", 3UL), (csv.Target, csv.SplitSeed));

        // A run's copy elsewhere still finds the file next to the original.
        var copy = SearchSpaceFile.Load(Write(File.ReadAllText(path), "copy.yaml"), relativeTo: "/elsewhere");
        Assert.Equal("/elsewhere/sub/data.csv", copy.Evaluation.Csv!.Path);
        Assert.Null(SearchSpaceFile.Load(Write(Space("  tasks: [kan-expsin]\n"))).Evaluation.Csv);
    }

    [Fact]
    public void The_fingerprint_keeps_the_path_as_written_and_sees_target_and_split_seed()
    {
        string a = SearchSpaceFile.Load(Write(Space("  tasks: [kan-csv]\n  data: d.csv\n"), "a.yaml")).Fingerprint.ToString();
        Directory.CreateDirectory(Path.Combine(_dir, "moved"));
        string moved = SearchSpaceFile.Load(Write(Space("  tasks: [kan-csv]\n  data: d.csv\n"), "moved/a.yaml")).Fingerprint.ToString();
        string seeded = SearchSpaceFile.Load(Write(Space("  tasks: [kan-csv]\n  data: d.csv\n  split_seed: 1\n"), "b.yaml")).Fingerprint.ToString();
        string target = SearchSpaceFile.Load(Write(Space("  tasks: [kan-csv]\n  data: d.csv\n  target: y\n"), "c.yaml")).Fingerprint.ToString();
        Assert.Equal(a, moved);
        Assert.NotEqual(a, seeded);
        Assert.NotEqual(a, target);
    }

    [Theory]
    [InlineData("  tasks: [kan-expsin, kan-csv]\n", 15, 23, "proxy task 'kan-csv' reads your CSV file: add 'data: FILE.csv' (relative to this file)")]
    [InlineData("  tasks: [kan-expsin]\n  data: d.csv\n", 16, 3, "'data' is the CSV file of the CSV tasks (kan-csv); no task in 'tasks' reads one")]
    [InlineData("  tasks: [kan-csv]\n  target: y\n", 16, 3, "'target' describes the CSV file of 'data', which is not given")]
    [InlineData("  tasks: [kan-csv]\n  data: ' '\n", 16, 9, "'data' must not be blank")]
    [InlineData("  tasks: [kan-csv]\n  data: d.csv\n  split_seed: -1\n", 17, 15, "out of range")]
    public void Misplaced_or_missing_csv_settings_are_named_at_their_line(string evaluation, int line, int column, string expected)
    {
        string path = Write(Space(evaluation));
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Load(path));
        Assert.Contains($"{path}:{line}:{column}:", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
