using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Families.KanBasis;

/// <summary>
/// Proxy tasks with Linear slots for KAN layers: the KAN paper's toy functions at the paper's shapes
/// (inputs uniform in [-1, 1], 1000 train / 1000 test points, not standardised so they stay on the
/// grid; objective validation_rmse), Fashion-MNIST with a [784, 64, 10] KAN (pixels in [0, 1]) and the
/// user's own regression CSV (<see cref="KanCsvTask"/>).
/// </summary>
public static class KanTasks
{
    private static readonly TrainingSettings Fit = KanTraining.Fit;

    public static IReadOnlyList<ProxyTask> All { get; } =
    [
        Toy("kan-expsin", 1, "exp(sin(pi x) + y^2), KAN [2, 1, 1]"),
        Toy("kan-xy", 2, "x y, KAN [2, 2, 1]"),
        Toy("kan-bessel", Array.Empty<int>(), "J0(20 x), KAN [1, 1]"),
        Toy("kan-100d", 1, "exp(mean of sin^2(pi x_i / 2)) over 100 inputs, KAN [100, 1, 1]"),
        Toy("kan-4d", [4, 2], "exp(0.5 (sin(pi (x1^2 + x2^2)) + sin(pi (x3^2 + x4^2)))), KAN [4, 4, 2, 1]"),
        new("fmnist-kan", "fashion-mnist", new LinearSlotNet(64), new TrainingSettings { Epochs = 2, BatchSize = 128, TrainSubset = 10_000 },
            "KAN [784, 64, 10] on the first 10k Fashion-MNIST images (pixels in [0, 1]), 2 epochs, Adam 1e-3", Standardize: false),
        KanCsvTask.Task,
    ];

    private static ProxyTask Toy(string dataset, int hidden, string description) => Toy(dataset, [hidden], description);

    private static ProxyTask Toy(string dataset, int[] hidden, string description) =>
        new(dataset, dataset, new LinearSlotNet(hidden), Fit, $"{description}, {KanTraining.Description}", Standardize: false);
}
