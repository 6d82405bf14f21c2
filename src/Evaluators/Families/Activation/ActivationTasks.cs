using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Families.Activation;

/// <summary>
/// Proxy tasks with activation slots. The reference ones reproduce published numbers (so the
/// trainer can be trusted); the search ones are chosen for signal per second: a deep plain MLP
/// separates activations by about 3 standard deviations of seed noise, a shallow one does not.
/// The search proxies scale every candidate to unit gain (<see cref="TrainingSettings.UnitGain"/>),
/// so 2 relu scores as relu; the reference MLP trains the function as written, as published, and so
/// does the batch-normalised ResNet (fmnist-resnet-act), the other architecture the fidelity bench
/// checks the proxies' rankings against.
/// </summary>
public static class ActivationTasks
{
    public static IReadOnlyList<ProxyTask> All { get; } =
    [
        new("fmnist-mlp", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 10, BatchSize = 128 },
            "Reference MLP 784-256-128-10, Adam 1e-3, batch 128, 10 epochs (published MLP 256-128-100: 0.8833)"),
        new("fmnist-cnn", "fashion-mnist", new SmallCnn(32, 64, 128), new TrainingSettings { Epochs = 4, BatchSize = 128, UnitGain = true },
            "Two 3x3 conv layers (32, 64) with pooling and a 128-unit hidden layer, 4 epochs"),
        new("fmnist-deep-mlp", "fashion-mnist", new Mlp(128, 128, 128, 128, 128, 128, 128, 128),
            new TrainingSettings { Epochs = 3, BatchSize = 128, TrainSubset = 20_000, UnitGain = true },
            "Activation-search proxy: 8 hidden layers x 128, first 20k images, 3 epochs"),
        new("fmnist-mlp-short", "fashion-mnist", new Mlp(256, 128), new TrainingSettings { Epochs = 2, BatchSize = 128, UnitGain = true },
            "Reference MLP under a 2-epoch budget, for seed-spread measurements"),
        new("fmnist-cnn-short", "fashion-mnist", new SmallCnn(32, 64, 128),
            new TrainingSettings { Epochs = 1, BatchSize = 128, TrainSubset = 10_000, UnitGain = true },
            "Cheaper CNN proxy: the fmnist-cnn network (conv 32, 64 with pooling, 128 hidden), first 10k images, 1 epoch"),
        new("fmnist-resnet-act", "fashion-mnist", new BatchNormActivationTemplate(new ResNetTemplate(16, 32, 64)),
            new TrainingSettings { Epochs = 2, BatchSize = 64, TrainSubset = 6_000, LearningRate = 3e-3 },
            "Architecture-transfer check: ResNet 16-32-64 with BatchNorm2d before the activation at every position (7), " +
            "first 6k images, 2 epochs, batch 64, Adam 3e-3; trains the function as written (BatchNorm absorbs most of its scale)"),
    ];
}
