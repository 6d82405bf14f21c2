using Bench.Kan;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// KAN layer step time against nn.Linear per basis (1000 -> 1000, batch 100, float32, one thread);
/// see <see cref="KanStepRatios"/> (thread CPU time; the wall-clock ratio is printed too). Options:
/// --repeats N (30), --basis NAME (repeatable; default every basis), --heap-reuse (glibc keeps large blocks,
/// <see cref="NativeHeap.KeepLargeBlocks"/>).
/// </summary>
public sealed class KanStepBenchmark : IBenchmark
{
    public string Name => "kan-step";
    public string Description => "KAN layer forward+backward time over nn.Linear's, per basis (1000->1000, batch 100, 1 thread)";

    public int Run(string[] args)
    {
        TorchRuntime.EnsureReady(1);
        if (args.Contains("--heap-reuse") && !NativeHeap.KeepLargeBlocks())
            Console.Error.WriteLine("--heap-reuse: glibc refused the malloc thresholds; measuring with the defaults");
        var only = Args.All(args, "--basis");
        var rows = KanStepRatios.Measure(Args.Int(args, "--repeats", 30), Console.Error.WriteLine, only: only.Count > 0 ? only : null);
        var figures = new Figures();
        foreach (var r in rows)
        {
            figures.Add($"kan_step_ms_{r.Name}", r.KanMs, "0.00");
            figures.Add($"kan_step_linear_ms_{r.Name}", r.LinearMs, "0.00");
        }
        foreach (var r in rows) figures.Add($"kan_step_wall_ratio_{r.Name}", r.WallRatio, "0.00");
        foreach (var r in rows) figures.Add($"kan_step_ratio_{r.Name}", r.Ratio, "0.00");
        figures.Print();
        return 0;
    }
}
