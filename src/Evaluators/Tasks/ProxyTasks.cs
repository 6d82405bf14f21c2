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

    // Norm-act search proxies: one candidate in under 30 s of one CPU core with BN-ReLU (bench normact-proxy);
    // Adam 3e-3 rather than 1e-3 lifted the MobileNet from 0.67 to 0.79 test accuracy and left the others level (one seed).
    private static readonly TrainingSettings NormActBudget = new() { Epochs = 2, BatchSize = 64, TrainSubset = 6_000, LearningRate = 3e-3 };

    private static readonly ProxyTask[] All =
    [
        new("fmnist-mlp", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 10, BatchSize = 128 },
            "Reference MLP 784-256-128-10, Adam 1e-3, batch 128, 10 epochs (published MLP 256-128-100: 0.8833)"),
        new("fmnist-cnn", "fashion-mnist", new SmallCnn(32, 64, 128), new TrainingSettings { Epochs = 4, BatchSize = 128 },
            "Two 3x3 conv layers (32, 64) with pooling and a 128-unit hidden layer, 4 epochs"),
        new("fmnist-deep-mlp", "fashion-mnist", new Mlp(128, 128, 128, 128, 128, 128, 128, 128),
            new TrainingSettings { Epochs = 3, BatchSize = 128, TrainSubset = 20_000 },
            "Activation-search proxy: 8 hidden layers x 128, first 20k images, 3 epochs"),
        new("fmnist-mlp-short", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 2, BatchSize = 128 },
            "Reference MLP under a 2-epoch budget, for seed-spread measurements"),
        new("fmnist-resnet", "fashion-mnist", new ResNetTemplate(), NormActBudget,
            "Norm-act proxy: ResNet 16-32-64 (one residual block per stage, a slot after every conv), first 6k images, 2 epochs, batch 64, Adam 3e-3"),
        new("fmnist-mobilenet", "fashion-mnist", new MobileNetTemplate(), NormActBudget,
            "Norm-act proxy: MobileNet-style depthwise-separable 16-32-64-64-128, first 6k images, 2 epochs, batch 64, Adam 3e-3"),
        new("fmnist-plaincnn", "fashion-mnist", new PlainCnnTemplate(), NormActBudget,
            "Norm-act proxy: plain 6-conv CNN 16-16-32-32-64-64, a slot after every conv, first 6k images, 2 epochs, batch 64, Adam 3e-3"),
    ];

    public static IReadOnlyList<ProxyTask> List => All;

    public static ProxyTask Get(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown proxy task '{name}'; expected one of {string.Join(", ", All.Select(t => t.Name))}");
}
