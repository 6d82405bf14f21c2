using System.Text;
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
        var output = new LineRecorder();
        var display = new ProgressDisplay(output, interactive: false) { LineInterval = TimeSpan.Zero };
        var result = await display.Show("act", async progress =>
        {
            progress.Report(At(4));
            // The display polls on its own clock; go on only once it has printed the first state,
            // so a slow machine cannot make it skip straight to the last one.
            await output.WaitFor("act 4/10", TimeSpan.FromSeconds(30));
            progress.Report(At(10));
            return new RunResult("dir", "run", new StatusReport("run", 10, 10, 9, 1, 0, new(), [], 0, 1, true, 0, 0), true);
        });
        Assert.True(result.Completed);
        var lines = output.Lines();
        Assert.Contains(lines, l => l.Contains("act 4/10"));
        Assert.Contains("act 10/10", lines[^1]);
        Assert.Contains("best gelu(x) (0.875)", lines[^1]);
        Assert.Contains("rejected hurdle 1", lines[^1]);
        Assert.Contains("ETA 01:30", lines[^1]);
    }

    [Theory]
    [InlineData(0.012, "+0.0120")]
    [InlineData(-0.15, "-0.1500")]
    [InlineData(-1e-9, "+0.0000")]
    [InlineData(-0.00004, "+0.0000")]
    public void Signed_gains_never_print_a_negative_zero(double value, string expected) =>
        Assert.Equal(expected, ProgressDisplay.Signed(value));

    /// <summary>A thread-safe writer that lets a test wait until some text has been written.</summary>
    private sealed class LineRecorder : TextWriter
    {
        private readonly StringBuilder _text = new();
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text) _text.Append(value);
        }

        public override void Write(string? value)
        {
            lock (_text) _text.Append(value);
        }

        public string[] Lines()
        {
            lock (_text) return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        public async Task WaitFor(string fragment, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Lines().Any(l => l.Contains(fragment)))
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"the display never printed '{fragment}'");
                await Task.Delay(20);
            }
        }
    }
}
