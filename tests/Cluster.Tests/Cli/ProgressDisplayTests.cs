using Cluster.Cli;
using Cluster.Hosting;
using Cluster.Protocol;

namespace Cluster.Tests.Cli;

/// <summary>Without a terminal the progress display prints plain lines instead of drawing nothing.</summary>
public sealed class ProgressDisplayTests
{
    private static RunProgress At(long done) => new(done, 10, done - 1, 1, 0, new Dictionary<string, long> { ["hurdle"] = 1 },
        new FrontMember(3, "gelu(x)", [0.875]), 2, TimeSpan.FromSeconds(90), 1, 1);

    [Fact]
    public async Task Plain_output_prints_progress_lines_and_the_last_state()
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(output, interactive: false) { LineInterval = TimeSpan.Zero };
        var result = await display.Show("act", async progress =>
        {
            progress.Report(At(4));
            await Task.Delay(500);
            progress.Report(At(10));
            return new RunResult("dir", "run", new StatusReport("run", 10, 10, 9, 1, 0, new(), [], 0, 1, true, 0, 0), true);
        });
        Assert.True(result.Completed);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("act 4/10"));
        Assert.Contains("act 10/10", lines[^1]);
        Assert.Contains("best gelu(x) (0.875)", lines[^1]);
        Assert.Contains("rejected hurdle 1", lines[^1]);
        Assert.Contains("ETA 01:30", lines[^1]);
    }
}
