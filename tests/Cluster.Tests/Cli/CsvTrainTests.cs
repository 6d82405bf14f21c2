using System.Globalization;

namespace Cluster.Tests.Cli;

/// <summary>`search train --data FILE.csv`: the user's own regression data, through the program.</summary>
public sealed class CsvTrainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csv-train-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (string Path, double TargetStd) SineFile() => SineCsv.Write(Path.Combine(_dir, "sine.csv"));

    /// <summary>The console wraps long lines at 80 columns when redirected.</summary>
    private static string Unwrapped(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s*\n\s*", " ");

    private static double Metric(string stdout, string name) =>
        double.Parse(stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..],
            CultureInfo.InvariantCulture);

    [Fact]
    public void A_csv_file_trains_the_kan_csv_task_far_below_the_targets_spread()
    {
        var (path, std) = SineFile();
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--data", path, "--threads", "1",
            "--basis", "bspline(grid=5,order=3) | bspline(grid=5,order=3)");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("kan-csv", stdout);
        Assert.Contains($"{path}: 300 rows; target 'y', inputs 'x1', 'x2'; split seed 0", Unwrapped(stdout));
        Assert.Contains("data: 210 train, 45 validation, 45 test", stdout);
        Assert.Equal(150, Metric(stdout, "parameters")); // KAN [2, 5, 1]: (2*5 + 5*1) edges x (5 + 3 + 2)
        Assert.InRange(Metric(stdout, "test_rmse"), 0, 0.2 * std);
        Assert.InRange(Metric(stdout, "validation_rmse"), 0, 0.2 * std);
    }

    [Fact]
    public void Target_hidden_and_split_seed_shape_the_task()
    {
        var (path, _) = SineFile();
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--data", path, "--target", "x1", "--hidden", "3", "--split-seed", "4",
            "--epochs", "1", "--threads", "1");
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains($"{path}: 300 rows; target 'x1', inputs 'x2', 'y'; split seed 4", Unwrapped(stdout));
        Assert.Equal(90, Metric(stdout, "parameters")); // KAN [2, 3, 1]
    }

    [Fact]
    public void A_bad_csv_file_exits_2_with_one_line_naming_file_and_line()
    {
        var (path, _) = SineFile();
        var lines = File.ReadAllLines(path);
        lines[41] = "0.5,abc,1"; // line 42 of the file
        File.WriteAllLines(path, lines);
        var (code, stdout, stderr) = ProgramRunner.Run("train", "--data", path, "--threads", "1");
        Assert.Equal(2, code);
        Assert.Equal($"error: {path}:42: 'abc' in column 'x2' (column 2) is not a number", stderr.Trim());
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Theory]
    [InlineData("--basis", "bspline(grid=5,order=3) | foo(x=1)", "at position 27: expected a known basis")]
    [InlineData("--target", "z", ":1: no target column 'z'; the columns are 'x1', 'x2', 'y'")]
    [InlineData("--task", "kan-xy", "is a CSV file, which task kan-csv reads; task 'kan-xy' reads a dataset directory")]
    [InlineData("--hidden", "0", "--hidden 0: expected at least 1")]
    public void Bad_input_with_a_csv_file_exits_2_and_is_named(string option, string value, string expected)
    {
        var (path, _) = SineFile();
        var (code, _, stderr) = ProgramRunner.Run("train", "--data", path, option, value, "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory]
    [InlineData(new[] { "--target", "y" }, "describe a CSV file: give it as --data FILE.csv")]
    [InlineData(new[] { "--task", "kan-csv" }, "pass --data FILE.csv")]
    public void Csv_options_without_a_csv_file_are_refused(string[] args, string expected)
    {
        var (code, _, stderr) = ProgramRunner.Run(["train", .. args, "--epochs", "1"]);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }
}
