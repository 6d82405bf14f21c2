using Cluster.Tests.Support;

namespace Cluster.Tests.Cli;

/// <summary>
/// Bad numeric values are refused while parsing, before anything starts: one `error:` line naming the
/// option and value, exit 2, no help text, and no run directory created.
/// </summary>
public sealed class OptionRangeTests
{
    [Theory]
    [InlineData("run --workers 0", "--workers 0: this run would have no evaluator; give at least 1, or --cluster host:port")]
    [InlineData("run --threads -3", "--threads -3: expected at least 0")]
    [InlineData("run --port 70000", "--port 70000: expected 0 to 65535")]
    [InlineData("run --workers abc", "Cannot parse argument 'abc' for option '--workers'")]
    [InlineData("run --drain -5", "--drain -5: expected at least 0")]
    [InlineData("resume RUN --drain -1", "--drain -1: expected at least 0")]
    [InlineData("resume RUN --workers 0", "--workers 0: expected at least 1")]
    [InlineData("node --seed-nodes 127.0.0.1:1 --workers -1", "--workers -1: expected at least 1")]
    [InlineData("run --prefetch 0", "--prefetch 0: expected at least 1")]
    [InlineData("resume RUN --prefetch -4", "--prefetch -4: expected at least 1")]
    [InlineData("node --seed-nodes 127.0.0.1:1 --prefetch 0", "--prefetch 0: expected at least 1")]
    [InlineData("train --epochs 0", "--epochs 0: expected at least 1")]
    [InlineData("confirm RUN --seeds 0", "--seeds 0: expected at least 1")]
    [InlineData("validate RUN --tasks fmnist-mlp --top 0", "--top 0: expected at least 1")]
    [InlineData("export RUN --top -2", "--top -2: expected at least 1")]
    [InlineData("dashboard RUN --port -1", "--port -1: expected 0 to 65535")]
    public void An_out_of_range_value_is_one_error_line_and_exit_2(string commandLine, string expected)
    {
        string dir = TestRuns.TempDir("ranges"), run = Path.Combine(dir, "run");
        var args = commandLine.Split(' ').Select(a => a == "RUN" ? run : a).ToList();
        if (args[0] == "run") args.AddRange(["--out", run]);
        var (code, stdout, stderr) = ProgramRunner.Run([.. args]);
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", stdout.Trim()); // no help text
        Assert.False(Directory.Exists(run), "nothing may start");
    }

    [Fact]
    public void No_workers_is_fine_when_a_cluster_evaluates() =>
        // Parsing accepts it (the help shows instead of a run, so nothing needs a cluster here).
        Assert.Equal(0, ProgramRunner.Run("run", "--workers", "0", "--cluster", "127.0.0.1:1", "--help").ExitCode);
}
