using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tests.Training;

/// <summary>The trainer's optional cancellation, trained-model hook and test-set switch.</summary>
public class TrainerHooksTests
{
    private static readonly TrainingSettings Settings = new() { Epochs = 1, BatchSize = 32, ValidationFraction = 0.2 };

    [Fact]
    public void Cancellation_throws_between_steps_and_leaves_nothing_live()
    {
        TorchRuntime.EnsureReady(threads: 1);
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 100), 0.2, torch.CPU);
        long before = LiveTensors.Count;
        using var cancel = new CancellationTokenSource();
        int steps = 0;
        Assert.Throws<OperationCanceledException>(() => Trainer.Train(new Mlp(8), new BuiltinActivation("relu"), data,
            Settings with { Epochs = 1000 }, seed: 1, progress: p => { steps = p.Step; cancel.Cancel(); }, cancel: cancel.Token));
        Assert.Equal(50, steps); // stopped right after the first progress report
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void The_trained_hook_sees_the_model_and_the_test_set_can_be_skipped()
    {
        TorchRuntime.EnsureReady(threads: 1);
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 100), 0.2, torch.CPU);
        long seen = 0;
        var m = Trainer.Train(new Mlp(8), new BuiltinActivation("relu"), data, Settings with { EvaluateTestSet = false }, seed: 1,
            trained: model => seen = model.parameters().Sum(p => p.numel()));
        Assert.Equal(m.Parameters, seen);
        Assert.True(double.IsNaN(m.TestAccuracy));
        Assert.False(double.IsNaN(m.ValidationAccuracy));
    }
}
