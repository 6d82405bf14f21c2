using Evaluators.Families.Activation;
using Evaluators.Families.KanBasis;
using Evaluators.Models;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Training;
using Search.Genomes.KanBasis;
using static TorchSharp.torch;

namespace Bench.Kan;

/// <summary>
/// Fashion-MNIST [784, 64, 10] as the efficient-kan / FastKAN comparisons train it: all 60k training
/// images, pixels mapped to [-1, 1] (their Normalize(0.5, 0.5), which is also the KAN grid's domain),
/// AdamW 1e-3 with weight decay 1e-4, batch 64, the rate decayed by 0.8 after every epoch (BSRBF-KAN's run.py,
/// the source of the published figures, steps ExponentialLR(gamma=0.8) once per epoch for every model, the MLP
/// included; efficient-kan's own example does the same); test accuracy on the 10k test images.
/// </summary>
public static class KanFmnist
{
    public sealed record Model(string Name, IModelTemplate Template, ISlotFactory Slot, double Published);

    public static IReadOnlyList<Model> Models { get; } =
    [
        new("bspline", new LinearSlotNet(64), Kan("bspline(grid=5,order=3) | bspline(grid=5,order=3)"), 0.8892),
        new("rbf", new LinearSlotNet(64), Kan("rbf(centers=8,width=1,range=2) | rbf(centers=8,width=1,range=2)"), 0.8942),
        new("mlp", new Mlp(64), new BuiltinActivation("relu"), 0.8839),
    ];

    /// <summary>The published learning-rate decay per epoch; 1 is the earlier protocol without a schedule.</summary>
    public const double PublishedLrDecay = 0.8;

    public static TrainingSettings Settings(int epochs, double lrDecay = PublishedLrDecay) => new()
    {
        Epochs = epochs, BatchSize = 64, Optimizer = "adamw", LearningRate = 1e-3, WeightDecay = 1e-4, ValidationFraction = 0,
        LrDecayPerEpoch = lrDecay,
    };

    /// <summary>The training recipe in words, for the bench output.</summary>
    public static string Recipe(double lrDecay) =>
        "AdamW lr 1e-3, weight decay 1e-4, batch 64, " + (lrDecay == 1 ? "no LR schedule" :
            $"lr x {lrDecay.ToString(System.Globalization.CultureInfo.InvariantCulture)} after every epoch (ExponentialLR{(lrDecay == PublishedLrDecay ? ", as published" : "")})");

    /// <summary>The full Fashion-MNIST task data with pixels in [-1, 1].</summary>
    public static PreparedData Data(Action<string> progress)
    {
        var task = ProxyTasks.Get("fmnist-kan") with { Training = Settings(1) };
        var data = TaskData.Prepare(task, null, CPU, progress);
        using (no_grad())
        {
            data.TrainX.mul_(2).sub_(1);
            data.TestX.mul_(2).sub_(1);
        }
        return data;
    }

    public static IReadOnlyList<double> TestAccuracies(Model model, PreparedData data, int epochs, int seeds, Action<string> progress,
        double lrDecay = PublishedLrDecay, int firstSeed = 1)
    {
        var accuracies = new List<double>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++)
        {
            double printed = 0; // a line every 15 s at most, so a slow (shared) machine still shows it is moving
            var metrics = Trainer.Train(model.Template, model.Slot, data, Settings(epochs, lrDecay), (ulong)seed, p =>
            {
                if (p.Seconds - printed < 15) return;
                printed = p.Seconds;
                progress($"  {model.Name} seed {seed}: step {p.Step}/{p.TotalSteps}, loss {p.Loss:F4}, {p.Seconds:F0} s");
            });
            progress($"  {model.Name} seed {seed}: test accuracy {metrics.TestAccuracy:F4} ({metrics.Parameters:N0} parameters, {metrics.WallSeconds:F0} s)");
            accuracies.Add(metrics.TestAccuracy);
        }
        return accuracies;
    }

    private static ISlotFactory Kan(string genome) => new KanGenomeSlot(KanBasisParser.Parse(new KanSpace(), genome));
}
