using Evaluators.Data.Text;
using Evaluators.Models;
using Evaluators.Tasks;
using Evaluators.Training;

namespace Evaluators.Families.Routing;

/// <summary>
/// Proxy tasks with feed-forward slots for mixture-of-experts layers: a character-level transformer on
/// the fortunes corpus (every feed-forward block a mixture; each character one token) at nanoGPT's CPU
/// configuration and at a small search-proxy size, and a residual MLP on Fashion-MNIST whose blocks are
/// mixtures (each image one token).
/// </summary>
public static class RoutingTasks
{
    public static IReadOnlyList<ProxyTask> All { get; } =
    [
        new("moe-chars", CharWindows.DatasetName, new CharTransformer(4, 4, 128),
            new TrainingSettings { Epochs = 1, BatchSize = 12, MaxSteps = 2000, LearningRate = 1e-3, EvalBatchSize = 200 },
            "Character transformer at nanoGPT's CPU configuration (4 layers, 4 heads, width 128, context 64) on the fortunes corpus, batch 12, 2000 steps, Adam 1e-3"),
        new("moe-chars-small", CharWindows.DatasetName, new CharTransformer(2, 2, 64),
            new TrainingSettings { Epochs = 1, BatchSize = 12, MaxSteps = 600, LearningRate = 2e-3, EvalBatchSize = 200 },
            "Search proxy: character transformer 2 layers, 2 heads, width 64, context 64, batch 12, 600 steps, Adam 2e-3"),
        new("moe-fmnist", "fashion-mnist", new FeedForwardSlotNet(64, 2), new TrainingSettings { Epochs = 2, BatchSize = 128, TrainSubset = 20_000 },
            "Residual MLP on Fashion-MNIST: Linear 784 -> 64, two pre-norm blocks x + moe(ln(x)) (experts 64 -> 128 -> 64), head; first 20k images, 2 epochs, Adam 1e-3, batch 128 (128 tokens per routing batch)"),
    ];
}
