using System.Diagnostics;
using Evaluators.Candidates;
using Evaluators.Families.NormAct;
using Evaluators.Candidates.Stages;
using Evaluators.Candidates.Training;
using Evaluators.Compile.Checks;
using Evaluators.Runtime;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Core;
using Search.Genomes.NormAct;
using Search.Rejection;
using TorchSharp;

namespace Bench;

/// <summary>
/// What the norm-act rejection stages see on the proxy tasks: per task and genome (BN-ReLU,
/// EvoNorm-S0/B0, GN-ReLU and --random N random genomes of the default space, seed --seed), the
/// numeric verdict, the stability stage's verdict, max gradient norm and seconds, and the
/// validation accuracy after the hurdle's --steps (100) training steps with its seconds.
/// Chooses nothing: the numbers justify the thresholds in searchspaces/evonorm*.yaml.
/// </summary>
public sealed class NormActHurdleBenchmark : IBenchmark
{
    private static readonly string[] Tasks = ["fmnist-plaincnn", "fmnist-resnet", "fmnist-mobilenet"];

    public string Name => "normact-hurdle";
    public string Description => "numeric, stability and 100-step hurdle figures of known and random norm-act genomes on the proxy tasks";

    public int Run(string[] args)
    {
        int steps = Args.Int(args, "--steps", 100), randoms = Args.Int(args, "--random", 6);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var family = new NormActFamily();
        var rng = new Rng((ulong)Args.Int(args, "--seed", 1));
        var genomes = new List<(string Label, string Text)>
        {
            ("bn-relu", NormActCheck.BnRelu), ("evonorm-s0", NormActCheck.EvoNormS0),
            ("evonorm-b0", NormActCheck.EvoNormB0), ("gn-relu", NormActCheck.GnRelu),
        };
        for (int i = 0; i < randoms; i++) genomes.Add(($"random-{i}", family.Random(rng).Text));
        var compiler = new NormActCandidateCompiler();
        var figures = new Figures();
        Console.WriteLine("| task | genome | numeric | stability | max grad norm | stab s | val acc | hurdle s |\n|---|---|---|---|---|---|---|---|");
        foreach (var name in Tasks)
        {
            var task = ProxyTasks.Get(name);
            using var data = TaskData.Prepare(task, null, torch.CPU);
            var planned = new PlannedTask(task, task.Training, data);
            var accuracies = new Dictionary<string, double>();
            foreach (var (label, text) in genomes)
            {
                var context = new CandidateContext(new EvaluationJob("norm-act", text, 1, new EvaluationPlan()), CancellationToken.None)
                {
                    Compiled = compiler.Compile(text),
                };
                var numeric = new NumericSanityStage(new SanitySettings()).Check(context);
                var stability = new StabilityStage(new StabilitySettings(), planned, CandidateSeeds.Stability(1, name), 0.01);
                var clock = Stopwatch.StartNew();
                var verdict = stability.Check(context);
                double stabilitySeconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var m = Trainer.Train(task.Template, context.Compiled.Slot, data, planned.ShortRun(steps), CandidateSeeds.Hurdle(1, name));
                double hurdleSeconds = clock.Elapsed.TotalSeconds;
                accuracies[label] = m.ValidationAccuracy;
                Console.WriteLine($"| {name} | {label}: `{text}` | {numeric.Kind} {numeric.Reason} | {verdict.Kind} {verdict.Reason} | " +
                    $"{stability.LastMaxGradientNorm:G3} | {stabilitySeconds:F1} | {(m.Diverged ? "diverged" : m.ValidationAccuracy.ToString("F3"))} | {hurdleSeconds:F1} |");
                figures.Add($"{name.Replace('-', '_')}_{label.Replace('-', '_')}_hurdle_accuracy", m.ValidationAccuracy, "0.000");
                figures.Add($"{name.Replace('-', '_')}_{label.Replace('-', '_')}_stability_over_hurdle_seconds", stabilitySeconds / hurdleSeconds, "0.00");
            }
        }
        figures.Print();
        return 0;
    }
}
