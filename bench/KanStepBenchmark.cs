using Bench.Kan;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// KAN layer step time against nn.Linear per basis (1000 -> 1000, batch 100, float32, one thread);
/// see <see cref="KanStepRatios"/>. Options: --repeats N (30).
/// </summary>
public sealed class KanStepBenchmark : IBenchmark
{
    public string Name => "kan-step";
    public string Description => "KAN layer forward+backward time over nn.Linear's, per basis (1000->1000, batch 100, 1 thread)";

    public int Run(string[] args)
    {
        TorchRuntime.EnsureReady(1);
        var rows = KanStepRatios.Measure(Args.Int(args, "--repeats", 30), Console.Error.WriteLine);
        var figures = new Figures();
        foreach (var r in rows)
        {
            figures.Add($"kan_step_ms_{r.Name}", r.KanMs, "0.00");
            figures.Add($"kan_step_linear_ms_{r.Name}", r.LinearMs, "0.00");
        }
        foreach (var r in rows) figures.Add($"kan_step_ratio_{r.Name}", r.Ratio, "0.00");
        figures.Print();
        return 0;
    }
}
