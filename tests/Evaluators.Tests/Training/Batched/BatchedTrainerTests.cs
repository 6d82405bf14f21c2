using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Training;
using Evaluators.Training.Batched;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Training.Batched;

public class BatchedTrainerTests
{
    public BatchedTrainerTests() => TorchRuntime.EnsureReady(threads: 1);

    // 480 training images of 32: 15 steps an epoch, so 4 epochs cross the 50-step loss reading.
    private static readonly TrainingSettings Settings = new() { Epochs = 4, BatchSize = 32, ValidationFraction = 0.2, UnitGain = true };

    private static ISlotFactory[] Candidates() =>
    [
        new BuiltinActivation("relu"),
        new BuiltinActivation("tanh"),
        new ActivationGenomeSlot(new ActivationFamily().Parse("x * sigmoid(@b(1.5) * x)")),
        new ActivationGenomeSlot(new ActivationFamily().Parse("relu(x) + @e(0.01) * x * exp(-x^2 / 2)")),
    ];

    private sealed record Run(TrainingMetrics Metrics, float[] Weights);

    private static float[] Flatten(nn.Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        return model.parameters().SelectMany(p => p.detach().cpu().reshape(-1).data<float>().ToArray()).ToArray();
    }

    private static Run[] Solo(IModelTemplate template, ISlotFactory[] slots, PreparedData data, TrainingSettings settings, ulong[] seeds) =>
        slots.Select((s, k) =>
        {
            float[] weights = [];
            var m = Trainer.Train(template, s, data, settings, seeds[k], trained: model => weights = Flatten(model));
            return new Run(m, weights);
        }).ToArray();

    private static Run[] Batched(IModelTemplate template, ISlotFactory[] slots, PreparedData data, TrainingSettings settings, ulong[] seeds)
    {
        var weights = new float[slots.Length][];
        var metrics = BatchedTrainer.Train(template, slots, data, settings, seeds, trained: (k, model) => weights[k] = Flatten(model));
        return metrics.Select((m, k) => new Run(m, weights[k])).ToArray();
    }

    private static void AssertClose(double expected, double actual, string what, double tolerance = 1e-4)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: solo {expected}, batched {actual}");
    }

    private static void AssertSame(Run solo, Run batched, string who)
    {
        Assert.Equal(solo.Metrics.Steps, batched.Metrics.Steps);
        Assert.Equal(solo.Metrics.Diverged, batched.Metrics.Diverged);
        Assert.Equal(solo.Metrics.Parameters, batched.Metrics.Parameters);
        AssertClose(solo.Metrics.FinalTrainLoss, batched.Metrics.FinalTrainLoss, $"{who} train loss");
        AssertClose(solo.Metrics.ValidationLoss, batched.Metrics.ValidationLoss, $"{who} validation loss");
        AssertClose(solo.Metrics.ValidationAccuracy, batched.Metrics.ValidationAccuracy, $"{who} validation accuracy", 0.01);
        AssertClose(solo.Metrics.TestAccuracy, batched.Metrics.TestAccuracy, $"{who} test accuracy", 0.01);
        Assert.Equal(solo.Weights.Length, batched.Weights.Length);
        double worst = solo.Weights.Zip(batched.Weights, (a, b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(a))).Max();
        Assert.True(worst < 1e-4, $"{who}: weights differ by {worst}");
    }

    [Fact]
    public void Four_activations_on_their_own_seeds_train_as_they_do_one_by_one()
    {
        using var data = new PreparedData(TinyData.Blobs(), Settings.ValidationFraction, CPU);
        var slots = Candidates();
        ulong[] seeds = [11, 12, 13, 14];
        var template = new Mlp(16, 8);
        var solo = Solo(template, slots, data, Settings, seeds);
        var batched = Batched(template, slots, data, Settings, seeds);
        for (int k = 0; k < slots.Length; k++) AssertSame(solo[k], batched[k], slots[k].Name);
        Assert.Equal(60, batched[0].Metrics.Steps);
        Assert.True(solo.Select(r => r.Metrics.ValidationLoss).Distinct().Count() == slots.Length, "the candidates should differ");
    }

    [Fact]
    public void One_shared_seed_trains_the_first_layer_as_one_product_with_sgd_momentum_and_weight_decay()
    {
        using var data = new PreparedData(TinyData.Blobs(), Settings.ValidationFraction, CPU);
        var slots = Candidates();
        ulong[] seeds = [5, 5, 5, 5];
        var settings = Settings with { Optimizer = "sgd", LearningRate = 0.05, WeightDecay = 1e-3, Epochs = 3 };
        var template = new Mlp(16, 8);
        var solo = Solo(template, slots, data, settings, seeds);
        var batched = Batched(template, slots, data, settings, seeds);
        for (int k = 0; k < slots.Length; k++) AssertSame(solo[k], batched[k], slots[k].Name);
    }

    [Fact]
    public void A_per_epoch_learning_rate_decay_is_applied_as_it_is_one_by_one()
    {
        using var data = new PreparedData(TinyData.Blobs(), Settings.ValidationFraction, CPU);
        var slots = Candidates();
        ulong[] seeds = [21, 22, 23, 24];
        var template = new Mlp(16, 8);
        var decayed = Settings with { LrDecayPerEpoch = 0.3, LearningRate = 0.01 };
        var solo = Solo(template, slots, data, decayed, seeds);
        var batched = Batched(template, slots, data, decayed, seeds);
        for (int k = 0; k < slots.Length; k++) AssertSame(solo[k], batched[k], slots[k].Name);
        // The decay changed the training: without it the same runs end elsewhere.
        var undecayed = Solo(template, slots, data, decayed with { LrDecayPerEpoch = 1 }, seeds);
        Assert.NotEqual(undecayed[0].Metrics.ValidationLoss, solo[0].Metrics.ValidationLoss);
    }

    [Fact]
    public void A_diverging_candidate_stops_as_it_would_alone_and_leaves_the_others_untouched()
    {
        using var data = new PreparedData(TinyData.Blobs(), Settings.ValidationFraction, CPU);
        ISlotFactory[] slots = [new BuiltinActivation("relu"), new NanSlot(), new BuiltinActivation("tanh")];
        ulong[] seeds = [1, 2, 3];
        var template = new Mlp(16);
        var solo = Solo(template, slots, data, Settings, seeds);
        var batched = Batched(template, slots, data, Settings, seeds);
        Assert.True(batched[1].Metrics.Diverged);
        Assert.Equal(50, batched[1].Metrics.Steps);
        for (int k = 0; k < slots.Length; k++)
            if (k != 1) AssertSame(solo[k], batched[k], slots[k].Name);
        Assert.Equal(solo[1].Metrics.Steps, batched[1].Metrics.Steps);
        Assert.True(double.IsNaN(batched[1].Metrics.FinalTrainLoss));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Regression_trains_as_it_does_one_by_one(bool sharedSeed)
    {
        using var data = new PreparedData(TinyData.Sine(), 0.2, CPU);
        var settings = new TrainingSettings { Epochs = 5, BatchSize = 32, LearningRate = 3e-3, ValidationFraction = 0.2 };
        var slots = Candidates();
        ulong[] seeds = sharedSeed ? [9, 9, 9, 9] : [1, 2, 3, 4];
        var template = new Mlp(16, 16);
        var solo = Solo(template, slots, data, settings, seeds);
        var batched = Batched(template, slots, data, settings, seeds);
        for (int k = 0; k < slots.Length; k++)
        {
            AssertSame(solo[k], batched[k], slots[k].Name);
            AssertClose(solo[k].Metrics.ValidationRmse, batched[k].Metrics.ValidationRmse, $"{slots[k].Name} rmse");
        }
    }

    [Fact]
    public void Batched_training_leaves_the_live_tensor_count_where_it_was()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 100), 0.2, CPU);
        var settings = new TrainingSettings { Epochs = 1, BatchSize = 32, ValidationFraction = 0.2 };
        ISlotFactory[] slots = [new BuiltinActivation("gelu"), new NanSlot(), .. Candidates()];
        BatchedTrainer.Train(new Mlp(16), slots, data, settings, [1, 2, 3, 4, 5, 6]); // warm up lazy state
        long before = LiveTensors.Count;
        BatchedTrainer.Train(new Mlp(16), slots, data, settings, [1, 2, 3, 4, 5, 6], trained: (_, m) => Flatten(m));
        BatchedTrainer.Train(new Mlp(16, 8), slots, data, settings, [7, 7, 7, 7, 7, 7]);
        Assert.Equal(before, LiveTensors.Count);
    }

    [Fact]
    public void Templates_it_cannot_stack_train_one_by_one_with_the_same_results()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 100), 0.2, CPU);
        var settings = new TrainingSettings { Epochs = 1, BatchSize = 32, ValidationFraction = 0.2 };
        var template = new SmallCnn(4, 4, 8);
        Assert.NotNull(BatchedTrainer.WhyNot(template, settings));
        ISlotFactory[] slots = [new BuiltinActivation("relu"), new BuiltinActivation("tanh")];
        var solo = Solo(template, slots, data, settings, [1, 2]);
        var batched = Batched(template, slots, data, settings, [1, 2]);
        for (int k = 0; k < slots.Length; k++) Assert.Equal(solo[k].Metrics.ValidationLoss, batched[k].Metrics.ValidationLoss);
    }

    /// <summary>An activation whose output is NaN from the first step.</summary>
    private sealed class NanSlot : ISlotFactory
    {
        public string Name => "nan";
        public nn.Module<Tensor, Tensor> Create(SlotSite site) => new NanModule();
    }

    private sealed class NanModule() : nn.Module<Tensor, Tensor>("nan")
    {
        public override Tensor forward(Tensor x) => x.mul(float.NaN);
    }
}
