using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tests.Training;

public class LeakTests
{
    [Fact]
    public void One_evaluation_leaves_the_live_tensor_count_where_it_was()
    {
        TorchRuntime.EnsureReady(threads: 1);
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 100), 0.2, torch.CPU);
        var settings = new TrainingSettings { Epochs = 1, BatchSize = 32, ValidationFraction = 0.2 };
        Trainer.Train(new Mlp(16), new BuiltinActivation("gelu"), data, settings, seed: 1); // warm up lazy state

        long before = LiveTensors.Count;
        Trainer.Train(new Mlp(16), new BuiltinActivation("gelu"), data, settings, seed: 2);
        Trainer.Train(new SmallCnn(4, 4, 8), new BuiltinActivation("relu"), data, settings, seed: 3);
        Assert.Equal(before, LiveTensors.Count);
        Assert.True(before >= 6, "the prepared data's own tensors should be counted as live");
    }
}
