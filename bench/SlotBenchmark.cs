using Evaluators.Families.Activation;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.Activation;
using TorchSharp;

namespace Bench;

/// <summary>
/// Cost of the candidate-layer slot path: training steps per second of the reference MLP with
/// TorchSharp's built-in ReLU module versus the genome `relu(x)` compiled through the slot.
/// Rounds alternate the two so drift in machine load hits both. Options: --rounds N (5), --steps N (300), --threads N.
/// </summary>
public sealed class SlotBenchmark : IBenchmark
{
    public string Name => "slot";
    public string Description => "MLP steps/s: built-in ReLU module vs ReLU through the candidate-layer slot";

    public int Run(string[] args)
    {
        int rounds = Args.Int(args, "--rounds", 5), steps = Args.Int(args, "--steps", 300);
        TorchRuntime.EnsureReady(Args.Int(args, "--threads", 0));
        var task = ProxyTasks.Get("fmnist-mlp");
        var settings = task.Training with { MaxSteps = steps, Epochs = 1 };
        using var data = TaskData.Prepare(task, null, torch.CPU, Console.WriteLine);

        ISlotFactory builtin = new BuiltinActivation("relu");
        ISlotFactory slot = new ActivationGenomeSlot(new ActivationFamily().Parse("relu(x)"));
        Trainer.Train(task.Template, builtin, data, settings with { MaxSteps = 50 }, 0); // warm-up (JIT, allocator)
        Trainer.Train(task.Template, slot, data, settings with { MaxSteps = 50 }, 0);

        var builtinRates = new List<double>();
        var slotRates = new List<double>();
        for (int r = 1; r <= rounds; r++)
        {
            var a = Trainer.Train(task.Template, builtin, data, settings, (ulong)r);
            var b = Trainer.Train(task.Template, slot, data, settings, (ulong)r);
            builtinRates.Add(a.StepsPerSecond);
            slotRates.Add(b.StepsPerSecond);
            Console.WriteLine($"round {r}/{rounds}: builtin {a.StepsPerSecond:F1} steps/s, slot {b.StepsPerSecond:F1} steps/s (loss {a.FinalTrainLoss:F4} vs {b.FinalTrainLoss:F4})");
        }
        double builtinMedian = Stats.Median(builtinRates), slotMedian = Stats.Median(slotRates);
        var figures = new Figures();
        figures.Add("relu_builtin_steps_s", builtinMedian, "0.0");
        figures.Add("relu_slot_steps_s", slotMedian, "0.0");
        figures.Add("slot_overhead_ratio", builtinMedian / slotMedian, "0.000");
        figures.Print();
        return 0;
    }

}
