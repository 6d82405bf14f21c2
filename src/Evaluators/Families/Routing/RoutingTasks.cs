using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Families.Routing;

/// <summary>
/// Proxy tasks with feed-forward slots for mixture-of-experts layers: a residual MLP on Fashion-MNIST
/// whose blocks are mixtures (each image one token).
/// </summary>
public static class RoutingTasks
{
    public static IReadOnlyList<ProxyTask> All { get; } =
    [
        new("moe-fmnist", "fashion-mnist", new FeedForwardSlotNet(64, 2), new TrainingSettings { Epochs = 2, BatchSize = 128, TrainSubset = 20_000 },
            "Residual MLP on Fashion-MNIST: Linear 784 -> 64, two pre-norm blocks x + moe(ln(x)) (experts 64 -> 128 -> 64), head; first 20k images, 2 epochs, Adam 1e-3, batch 128 (128 tokens per routing batch)"),
    ];
}
