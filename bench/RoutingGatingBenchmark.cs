using Bench.Routing;
using Evaluators.Runtime;

namespace Bench;

/// <summary>
/// Parameter-estimation rates of gated Gaussian MoE (Nguyen, Akbarian and Ho, ICML 2024): median Voronoi
/// error against n for temperature softmax gating and tanh-then-softmax gating, and the log-log slopes.
/// Options: --n 100,316,... (7 sizes from 1e2 to 1e5), --replicates N (10), --budget-s S (600),
/// --restarts N (4), --adam-steps N (300), --lbfgs-steps N (5), --threads N (1).
/// </summary>
public sealed class RoutingGatingBenchmark : IBenchmark
{
    public string Name => "routing-gating";
    public string Description => "gated Gaussian MoE: Voronoi parameter error vs n, temperature softmax vs tanh-then-softmax gating";

    public int Run(string[] args)
    {
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 1));
        var figures = new Figures();
        RoutingGatingPart.Run(args, figures);
        figures.Print();
        return 0;
    }
}
