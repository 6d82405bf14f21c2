using Cluster.Hosting;
using Cluster.TestHost;
using Cluster.Tests.Support;

namespace Cluster.Tests.Runs;

/// <summary>A run with a wall-time limit never promises to take longer than the limit, however large its evaluation budget.</summary>
[Collection("akka-runs")]
public sealed class EtaTests
{
    private sealed class Collect : IProgress<RunProgress>
    {
        public readonly List<RunProgress> Reports = [];
        public void Report(RunProgress value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public async Task The_eta_is_capped_by_the_wall_time_limit()
    {
        var limit = TimeSpan.FromSeconds(3);
        var space = TestSpaces.Zdt1(TestRuns.Seed, 1_000_000) with { WallTime = limit };
        var progress = new Collect();
        var options = new RunOptions { RunDirectory = TestRuns.TempDir("eta"), Workers = 1, Evaluator = slot => new FakeEvaluator((ulong)slot, 2) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await SearchRunner.RunLocal(space, options, progress, timeout.Token);

        Assert.True(result.Completed);
        Assert.True(result.Status.Done < 1_000_000);
        lock (progress.Reports)
        {
            var etas = progress.Reports.Where(p => p.Eta is not null).Select(p => p.Eta!.Value).ToArray();
            Assert.NotEmpty(etas);
            // At 2 ms per evaluation a million would take over half an hour; the limit caps it.
            Assert.All(etas, e => Assert.True(e <= limit, $"ETA {e} beyond the {limit} limit"));
        }
    }
}
