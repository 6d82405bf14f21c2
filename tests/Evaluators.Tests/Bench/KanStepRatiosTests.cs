using Bench.Kan;
using Evaluators.Runtime;
using TorchSharp;

namespace Evaluators.Tests.Bench;

/// <summary>The KAN step-ratio measurement on small shapes: every basis, positive times, thread count restored.</summary>
public sealed class KanStepRatiosTests
{
    public KanStepRatiosTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Every_basis_gets_a_row_with_positive_times()
    {
        var progress = new List<string>();
        int threads = torch.get_num_threads();
        var rows = KanStepRatios.Measure(repeats: 2, progress.Add, inFeatures: 12, outFeatures: 7, batch: 5, warmup: 1);
        Assert.Equal(KanStepRatios.Bases.Select(b => b.Name), rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.True(r.KanMs > 0 && r.LinearMs > 0 && r.KanWallMs > 0 && r.LinearWallMs > 0 && double.IsFinite(r.Ratio), r.Name));
        Assert.Equal(rows.Count, progress.Count);
        Assert.Equal(threads, torch.get_num_threads());
    }

    [Fact]
    public void Only_measures_the_named_bases_and_rejects_unknown_names()
    {
        var rows = KanStepRatios.Measure(repeats: 1, inFeatures: 6, outFeatures: 3, batch: 2, warmup: 0, only: ["rational", "bspline"]);
        Assert.Equal(["bspline", "rational"], rows.Select(r => r.Name));
        Assert.Throws<ArgumentException>(() => KanStepRatios.Measure(repeats: 1, only: ["spline"]));
    }

    [Fact]
    public void Thread_cpu_clock_advances_with_work()
    {
        double start = ThreadCpuClock.NowMs();
        double x = 0;
        for (int i = 0; i < 5_000_000; i++) x += Math.Sqrt(i);
        Assert.True(ThreadCpuClock.NowMs() > start, $"{x}");
    }
}
