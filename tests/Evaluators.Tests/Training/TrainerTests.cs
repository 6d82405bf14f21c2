using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Training;
using TorchSharp;

namespace Evaluators.Tests.Training;

public class TrainerTests
{
    public TrainerTests() => TorchRuntime.EnsureReady(threads: 1);

    private static readonly TrainingSettings Short = new() { Epochs = 3, BatchSize = 32, ValidationFraction = 0.2 };

    [Fact]
    public void Mlp_learns_a_separable_task_and_reports_every_metric()
    {
        using var data = new PreparedData(TinyData.Blobs(), Short.ValidationFraction, torch.CPU);
        var m = Trainer.Train(new Mlp(32), new BuiltinActivation("relu"), data, Short, seed: 7);

        Assert.InRange(m.TestAccuracy, 0.9, 1.0);
        Assert.InRange(m.ValidationAccuracy, 0.9, 1.0);
        Assert.Equal(64 * 32 + 32 + 32 * 3 + 3, m.Parameters);
        Assert.Equal(3 * (480 / 32), m.Steps);
        Assert.True(m.StepsPerSecond > 0 && m.WallSeconds > 0);
        Assert.False(m.Diverged);
        Assert.True(double.IsNaN(m.TestRmse));
    }

    [Fact]
    public void Same_seed_gives_identical_metrics_and_other_seeds_differ()
    {
        using var data = new PreparedData(TinyData.Blobs(), Short.ValidationFraction, torch.CPU);
        var a = Trainer.Train(new Mlp(16), new BuiltinActivation("tanh"), data, Short, seed: 3);
        var b = Trainer.Train(new Mlp(16), new BuiltinActivation("tanh"), data, Short, seed: 3);
        var c = Trainer.Train(new Mlp(16), new BuiltinActivation("tanh"), data, Short, seed: 4);
        Assert.Equal(a.ValidationLoss, b.ValidationLoss);
        Assert.Equal(a.FinalTrainLoss, b.FinalTrainLoss);
        Assert.NotEqual(a.ValidationLoss, c.ValidationLoss);
    }

    [Fact]
    public void Cnn_trains_on_image_shaped_samples()
    {
        using var data = new PreparedData(TinyData.Blobs(), Short.ValidationFraction, torch.CPU);
        var m = Trainer.Train(new SmallCnn(8, 8, 16), new BuiltinActivation("relu"), data, Short with { Epochs = 10, LearningRate = 3e-3 }, seed: 1);
        Assert.InRange(m.TestAccuracy, 0.8, 1.0);
    }

    [Fact]
    public void Regression_reports_rmse_below_the_target_spread()
    {
        using var data = new PreparedData(TinyData.Sine(), 0.2, torch.CPU);
        var m = Trainer.Train(new Mlp(32, 32), new BuiltinActivation("silu"), data, new TrainingSettings { Epochs = 60, BatchSize = 32, LearningRate = 3e-3, ValidationFraction = 0.2 }, seed: 1);
        Assert.True(double.IsNaN(m.TestAccuracy));
        Assert.InRange(m.TestRmse, 0, 0.15); // sin(2x) on [-1,1] has a spread of about 0.7
    }

    [Fact]
    public void Max_steps_cuts_training_short()
    {
        using var data = new PreparedData(TinyData.Blobs(), Short.ValidationFraction, torch.CPU);
        var m = Trainer.Train(new Mlp(8), new BuiltinActivation("relu"), data, Short with { MaxSteps = 5 }, seed: 1);
        Assert.Equal(5, m.Steps);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        using var data = new PreparedData(TinyData.Blobs(), 0.2, torch.CPU);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(new Mlp(8), new BuiltinActivation("relu"), data, Short with { Optimizer = "adagrad" }, 1));
        Assert.Contains("adagrad", e.Message);
        Assert.Throws<ArgumentException>(() => new BuiltinActivation("swoosh"));
    }
}
