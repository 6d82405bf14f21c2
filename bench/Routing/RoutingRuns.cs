using Evaluators.Candidates.Training;
using Evaluators.Families.Routing;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.Routing;
using static TorchSharp.torch;

namespace Bench.Routing;

/// <summary>
/// Trains the feed-forward fillers the routing benchmark compares on one proxy task and reads what the
/// issue asks of each: validation loss, load coefficient of variation, MaxVio, fraction of tokens
/// dropped, mean active experts per token (over the validation split) and step time.
/// Every mixture has 8 experts of hidden 2d (top-2 and expert choice with c = 2 run the dense 4d
/// block's active parameters) and capacity 4 = E / k, so no token is ever dropped: MaxVio then
/// measures the router's own choices, as the loss-free balancing paper does (no dropping there).
/// </summary>
public static class RoutingRuns
{
    public sealed record Filler(string Name, ISlotFactory Slot, string Text);

    public sealed record Row(string Name, string Text, TrainingMetrics Metrics)
    {
        public double Measure(string key) => Metrics.Measures.TryGetValue(key, out double v) ? v : double.NaN;
        public double StepMs => 1000.0 / Metrics.StepsPerSecond;
    }

    public static IReadOnlyList<Filler> Fillers { get; } =
    [
        new("dense", new DenseFeedForwardSlots(), "dense 4d feed-forward"),
        Moe("top2", "gate=softmax_topk experts=8 k=2 tau=1 lb=0.01 capacity=4 zloss=0.001 bias=0"),
        Moe("expert_choice", "gate=expert_choice experts=8 tau=1 capacity=2 zloss=0.001"),
        Moe("lossfree", "gate=softmax_topk experts=8 k=2 tau=1 lb=0 capacity=4 zloss=0.001 bias=0.001"),
        Moe("none", "gate=softmax_topk experts=8 k=2 tau=1 lb=0 capacity=4 zloss=0.001 bias=0"),
    ];

    private static Filler Moe(string name, string text)
    {
        var genome = new RoutingFamily(new RoutingSpace()).Parse(text);
        return new Filler(name, new RoutingGenomeSlot(genome), genome.Text);
    }

    /// <summary>The task's data (validation and test as the task splits them), on the CPU.</summary>
    public static PreparedData Data(ProxyTask task, Action<string> progress) => TaskData.Prepare(task, null, CPU, progress);

    public static Row Run(ProxyTask task, Filler filler, PreparedData data, int steps, ulong seed, Action<string> progress)
    {
        var settings = new PlannedTask(task, task.Training, data).ShortRun(steps); // exactly `steps` steps, no test set
        int every = Math.Max(50, steps / 10 / 50 * 50);
        var metrics = Trainer.Train(task.Template, filler.Slot, data, settings, seed, p =>
        {
            if (p.Step % every == 0) progress($"  {task.Name} {filler.Name}: step {p.Step}/{p.TotalSteps}, loss {p.Loss:F3}, {p.Seconds:F0} s");
        });
        progress($"  {task.Name} {filler.Name}: validation loss {metrics.ValidationLoss:F4} in {metrics.WallSeconds:F0} s");
        return new Row(filler.Name, filler.Text, metrics);
    }
}
