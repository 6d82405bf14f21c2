using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Families.NormAct;

/// <summary>Proxy tasks with norm-act slots: three architectures, a slot after every convolution.</summary>
public static class NormActTasks
{
    // One candidate in under 30 s of one CPU core with BN-ReLU (bench normact-proxy); Adam 3e-3 rather
    // than 1e-3 lifted the MobileNet from 0.67 to 0.79 test accuracy and left the others level (one seed).
    private static readonly TrainingSettings Budget = new() { Epochs = 2, BatchSize = 64, TrainSubset = 6_000, LearningRate = 3e-3 };

    public static IReadOnlyList<ProxyTask> All { get; } =
    [
        new("fmnist-resnet", "fashion-mnist", new ResNetTemplate(), Budget,
            "Norm-act proxy: ResNet 16-32-64 (one residual block per stage, a slot after every conv), first 6k images, 2 epochs, batch 64, Adam 3e-3"),
        new("fmnist-mobilenet", "fashion-mnist", new MobileNetTemplate(), Budget,
            "Norm-act proxy: MobileNet-style depthwise-separable 16-32-64-64-128, first 6k images, 2 epochs, batch 64, Adam 3e-3"),
        new("fmnist-plaincnn", "fashion-mnist", new PlainCnnTemplate(), Budget,
            "Norm-act proxy: plain 6-conv CNN 16-16-32-32-64-64, a slot after every conv, first 6k images, 2 epochs, batch 64, Adam 3e-3"),
    ];
}
