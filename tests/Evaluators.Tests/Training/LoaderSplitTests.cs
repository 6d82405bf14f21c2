using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tests.Training;

/// <summary>Data whose loader chose the validation split and standardised the target (the CSV task).</summary>
public class LoaderSplitTests
{
    public LoaderSplitTests() => TorchRuntime.EnsureReady(threads: 1);

    private static readonly TrainingSettings Short = new() { Epochs = 2, BatchSize = 32, ValidationFraction = 0.5 };

    [Fact]
    public void A_loaders_validation_split_is_used_whole_and_the_training_split_is_not_cut()
    {
        var sine = TinyData.Sine(400, 200);
        using var data = new PreparedData(sine with { Validation = sine.Test.Slice(0, 50) }, Short.ValidationFraction, torch.CPU);
        Assert.Equal(400, data.TrainCount);
        Assert.Equal(50, data.ValX!.shape[0]);
    }

    [Fact]
    public void Rmses_are_reported_in_the_targets_own_units_and_losses_on_the_stored_targets()
    {
        var sine = TinyData.Sine(400, 200);
        using var plain = new PreparedData(sine, Short.ValidationFraction, torch.CPU);
        using var scaled = new PreparedData(sine with { TargetScale = 1000 }, Short.ValidationFraction, torch.CPU);
        var a = Trainer.Train(new Mlp(16), new BuiltinActivation("tanh"), plain, Short, seed: 2);
        var b = Trainer.Train(new Mlp(16), new BuiltinActivation("tanh"), scaled, Short, seed: 2);
        Assert.Equal(a.ValidationLoss, b.ValidationLoss);
        Assert.Equal(a.ValidationRmse * 1000, b.ValidationRmse, 9);
        Assert.Equal(a.TestRmse * 1000, b.TestRmse, 9);
    }
}
