using Evaluators.Models;
using Evaluators.Training;

namespace Evaluators.Tasks;

/// <summary>
/// The built-in proxy tasks. The reference ones reproduce published numbers (so the trainer can be
/// trusted); the search ones are chosen for signal per second (see ENVIRONMENT.md: a deep plain MLP
/// separates activations by about 3 standard deviations, a shallow one does not).
/// </summary>
public static class ProxyTasks
{
    public const string Default = "fmnist-mlp";

    private static readonly ProxyTask[] All =
    [
        new("fmnist-mlp", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 10, BatchSize = 128 },
            "Reference MLP 784-256-128-10, Adam 1e-3, batch 128, 10 epochs (published MLP 256-128-100: 0.8833)"),
        new("fmnist-cnn", "fashion-mnist", new SmallCnn(16, 32, 128), new TrainingSettings { Epochs = 4, BatchSize = 128 },
            "Two 3x3 conv layers (16, 32) with pooling and a 128-unit hidden layer, 4 epochs"),
        new("fmnist-deep-mlp", "fashion-mnist", new Mlp(128, 128, 128, 128, 128, 128, 128, 128),
            new TrainingSettings { Epochs = 3, BatchSize = 128, TrainSubset = 20_000 },
            "Activation-search proxy: 8 hidden layers x 128, first 20k images, 3 epochs"),
        new("fmnist-mlp-short", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 2, BatchSize = 128 },
            "Reference MLP under a 2-epoch budget, for seed-spread measurements"),
    ];

    public static IReadOnlyList<ProxyTask> List => All;

    public static ProxyTask Get(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown proxy task '{name}'; expected one of {string.Join(", ", All.Select(t => t.Name))}");
}
