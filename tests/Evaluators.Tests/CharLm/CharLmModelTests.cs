using Evaluators.Data;
using Evaluators.Data.Text;
using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Training;
using Evaluators.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.CharLm;

public class CharLmModelTests
{
    public CharLmModelTests() => TorchRuntime.EnsureReady(threads: 1);

    /// <summary>Records the sites it fills with dense feed-forward blocks.</summary>
    private sealed class RecordingSlots : ISlotFactory
    {
        public List<SlotSite> Sites { get; } = [];
        public string Name => "recording-dense";
        public nn.Module<Tensor, Tensor> Create(SlotSite site)
        {
            Sites.Add(site);
            return new DenseFeedForward(site.InFeatures, 4 * site.InFeatures);
        }
    }

    /// <summary>English-like text from a few sentences in a seeded order.</summary>
    internal static FortunesCorpus Sentences(int sentences, ulong seed = 1)
    {
        string[] pool =
        [
            "The cat sat on the mat.", "A fool and his money are soon parted.", "Time flies like an arrow.",
            "All that glitters is not gold.", "Never put off till tomorrow what you can do today.",
            "The early bird catches the worm.", "Where there is smoke there is fire.",
        ];
        var rng = new Search.Core.Rng(seed);
        return new FortunesCorpus(string.Join("\n", Enumerable.Range(0, sentences).Select(_ => pool[rng.NextInt(pool.Length)])));
    }

    [Fact]
    public void CharLm_template_defaults_are_nanogpt_cpu_and_slots_are_feed_forward_sites_per_block()
    {
        var template = new CharTransformer();
        Assert.Equal((4, 4, 128), (template.Layers, template.Heads, template.Width));
        Assert.Equal(SlotKind.FeedForward, template.Slots);
        Assert.Equal("char-transformer-4x4x128", template.Name);
        Assert.Throws<ArgumentException>(() => new CharTransformer(2, 3, 64));

        var slots = new RecordingSlots();
        using var model = template.Build([64], 90, slots);
        Assert.Equal([new SlotSite(128, 128, 0), new SlotSite(128, 128, 1), new SlotSite(128, 128, 2), new SlotSite(128, 128, 3)], slots.Sites);
        long d = 128, v = 90, t = 64;
        long perBlock = 2 * 2 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d);
        Assert.Equal(v * d + t * d + 4 * perBlock + 2 * d + d * v + v, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void CharLm_template_maps_B_by_T_ids_to_B_times_T_logits_and_is_causal()
    {
        using var scope = NewDisposeScope();
        using var model = Trainer.Seeded(5, () => new CharTransformer(2, 2, 32).Build([16], 11, new DenseFeedForwardSlots()));
        model.eval();
        using var noGrad = no_grad();
        var ids = randint(0, 11, [3, 16], generator: new Generator(1)).to_type(ScalarType.Float32);
        var logits = model.forward(ids);
        Assert.Equal([3L * 16, 11], logits.shape);
        Assert.Equal([2L * 10, 11], model.forward(ids.narrow(0, 0, 2).narrow(1, 0, 10)).shape); // shorter contexts work

        for (int t = 0; t < 15; t++)
        {
            var changed = ids.clone();
            changed[.., t + 1] = (changed[.., t + 1] + 1) % 11;
            var other = model.forward(changed).view(3, 16, 11);
            var before = logits.view(3, 16, 11);
            Assert.True(other.narrow(1, 0, t + 1).eq(before.narrow(1, 0, t + 1)).all().item<bool>(), $"positions <= {t} changed");
            Assert.False(other.narrow(1, t + 1, 1).allclose(before.narrow(1, t + 1, 1)), $"position {t + 1} ignored its own token");
        }
    }

    [Fact]
    public void CharLm_dense_feed_forward_keeps_the_shape_and_has_the_gpt_parameter_count()
    {
        using var scope = NewDisposeScope();
        using var ff = new DenseFeedForward(8, 32);
        Assert.Equal([2L, 5, 8], ff.forward(randn(2, 5, 8)).shape);
        Assert.Equal(8 * 32 + 32 + 32 * 8 + 8, ff.parameters().Sum(p => p.numel()));
        var slots = new DenseFeedForwardSlots();
        Assert.Equal("dense-ff", slots.Name);
        using var made = (DenseFeedForward)slots.Create(new SlotSite(16, 16, 2));
        Assert.Equal((16, 64), (made.Features, made.Hidden));
        Assert.Throws<ArgumentException>(() => slots.Create(new SlotSite(16, 8)));
    }

    [Fact]
    public void CharLm_short_training_with_dense_feed_forward_beats_the_uniform_loss()
    {
        var corpus = Sentences(400);
        var splits = CharWindows.Split(corpus, context: 64);
        using var data = new PreparedData(splits, 0, CPU);
        var settings = new TrainingSettings { Epochs = 100, BatchSize = 12, MaxSteps = 60, LearningRate = 3e-3 };
        var m = Trainer.Train(new CharTransformer(2, 2, 64), new DenseFeedForwardSlots(), data, settings, seed: 1);

        double uniform = Math.Log(splits.NumClasses);
        Assert.Equal(60, m.Steps);
        Assert.False(m.Diverged);
        Assert.True(m.ValidationLoss < uniform - 0.5, $"validation loss {m.ValidationLoss:F3} vs uniform {uniform:F3}");
        Assert.InRange(m.ValidationAccuracy, 1.0 / splits.NumClasses, 1.0);
    }

    [Fact]
    public void CharLm_trainer_loss_is_unchanged_for_ordinary_classification_and_token_mean_for_sequences()
    {
        using var scope = NewDisposeScope();
        var gen = new Generator(3);
        var output = randn([6, 5], generator: gen);
        var labels = randint(0, 5, [6], generator: gen);
        Assert.True(Trainer.Loss(output, labels, true).eq(nn.functional.cross_entropy(output, labels)).all().item<bool>());

        var sequenceOutput = randn([4 * 3, 5], generator: gen); // (N*T, V) for N = 4, T = 3
        var sequenceLabels = randint(0, 5, [4, 3], generator: gen);
        var expected = nn.functional.cross_entropy(sequenceOutput, sequenceLabels.reshape(12));
        Assert.True(Trainer.Loss(sequenceOutput, sequenceLabels, true).eq(expected).all().item<bool>());

        var regression = randn([6, 2], generator: gen);
        var targets = randn([6, 2], generator: gen);
        Assert.True(Trainer.Loss(regression, targets, false).eq(nn.functional.mse_loss(regression, targets)).all().item<bool>());
    }

    [Fact]
    public void CharLm_trainer_evaluation_is_unchanged_for_ordinary_classification()
    {
        // The validation metrics recomputed as the trainer always computed them (sums per batch of 2000, divided by N).
        using var data = new PreparedData(TinyData.Blobs(), 0.2, CPU);
        double loss = double.NaN, accuracy = double.NaN;
        var m = Trainer.Train(new Mlp(16), new BuiltinActivation("relu"), data, new TrainingSettings { Epochs = 2, BatchSize = 32 }, seed: 2,
            trained: model =>
            {
                using var noGrad = no_grad();
                using var s = NewDisposeScope();
                var output = model.forward(data.ValX!);
                loss = nn.functional.cross_entropy(output, data.ValY!, reduction: nn.Reduction.Sum).item<float>() / (double)data.ValY!.shape[0];
                accuracy = output.argmax(1).eq(data.ValY).sum().item<long>() / (double)data.ValY.shape[0];
            });
        Assert.Equal(loss, m.ValidationLoss);
        Assert.Equal(accuracy, m.ValidationAccuracy);
    }

    [Fact]
    public void CharLm_trainer_evaluation_averages_over_every_token()
    {
        var splits = CharWindows.Split(Sentences(100), context: 16);
        using var data = new PreparedData(splits, 0, CPU);
        double loss = double.NaN, accuracy = double.NaN;
        var m = Trainer.Train(new CharTransformer(1, 2, 16), new DenseFeedForwardSlots(), data,
            new TrainingSettings { Epochs = 1, BatchSize = 8, MaxSteps = 3, EvalBatchSize = 5 }, seed: 4,
            trained: model =>
            {
                using var noGrad = no_grad();
                using var s = NewDisposeScope();
                var output = model.forward(data.ValX!);
                var y = data.ValY!.reshape(-1);
                loss = nn.functional.cross_entropy(output, y).item<float>();
                accuracy = output.argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
            });
        Assert.Equal(loss, m.ValidationLoss, 4);
        Assert.Equal(accuracy, m.ValidationAccuracy, 9);
    }
}
