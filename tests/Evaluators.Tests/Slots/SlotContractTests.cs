using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Training;
using Evaluators.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Tests.Slots;

/// <summary>
/// The slot contract fits all four families: a slot may replace an activation, a norm-act layer, a
/// Linear(in, out) or a feed-forward block, may add an auxiliary loss and may read the training step.
/// </summary>
public class SlotContractTests
{
    private static readonly TrainingSettings Settings = new() { Epochs = 2, BatchSize = 32, ValidationFraction = 0.2 };

    public SlotContractTests() => TorchRuntime.EnsureReady(threads: 1);

    /// <summary>Fills every site with a Linear(in, out) (and records the sites), optionally with a loss term and a step log.</summary>
    private sealed class LinearSlots(double penalty = 0, bool followSteps = false) : ISlotFactory
    {
        public List<SlotSite> Sites { get; } = [];
        public List<TrainingStep> Before { get; } = [];
        public List<TrainingStep> After { get; } = [];
        public string Name => "linear";

        public nn.Module<Tensor, Tensor> Create(SlotSite site)
        {
            Sites.Add(site);
            return new Probe(site, penalty, followSteps ? this : null);
        }

        private sealed class Probe : nn.Module<Tensor, Tensor>, IAuxiliaryLoss, IStepAware
        {
            private readonly Linear inner;
            private readonly double _penalty;
            private readonly LinearSlots? _log;

            public Probe(SlotSite site, double penalty, LinearSlots? log) : base("probe")
            {
                inner = nn.Linear(site.InFeatures, site.OutFeatures);
                (_penalty, _log) = (penalty, log);
                RegisterComponents();
            }

            public Tensor? AuxiliaryLoss { get; private set; }

            public override Tensor forward(Tensor x)
            {
                var y = inner.forward(x);
                // A loss term on the output's size: large weights make the model's outputs shrink toward zero.
                AuxiliaryLoss = _penalty > 0 && training ? y.square().mean().mul(_penalty) : null;
                return y;
            }

            public void BeforeStep(TrainingStep step) => _log?.Before.Add(step);
            public void AfterStep(TrainingStep step) => _log?.After.Add(step);
        }
    }

    [Fact]
    public void A_linear_slot_network_gets_one_site_per_linear_with_in_and_out_features()
    {
        var slots = new LinearSlots();
        using var model = new LinearSlotNet(32, 16).Build([1, 8, 8], 3, slots);
        Assert.Equal([new SlotSite(64, 32, 0), new SlotSite(32, 16, 1), new SlotSite(16, 3, 2)], slots.Sites);
        using var y = model.forward(randn(5, 1, 8, 8));
        Assert.Equal([5L, 3L], y.shape);
    }

    [Fact]
    public void A_feed_forward_slot_network_gets_width_to_width_sites_and_trains()
    {
        var slots = new LinearSlots();
        using var data = new PreparedData(TinyData.Blobs(train: 300, test: 100), 0.2, CPU);
        var m = Trainer.Train(new FeedForwardSlotNet(24, 2), slots, data, Settings, seed: 3);
        Assert.Equal([new SlotSite(24, 24, 0), new SlotSite(24, 24, 1)], slots.Sites);
        Assert.True(m.ValidationAccuracy > 0.9, $"validation accuracy {m.ValidationAccuracy}");
    }

    [Fact]
    public void Step_aware_modules_see_every_training_step_in_order_before_and_after()
    {
        var slots = new LinearSlots(followSteps: true);
        using var data = new PreparedData(TinyData.Blobs(train: 200, test: 50), 0.2, CPU);
        var m = Trainer.Train(new LinearSlotNet(8), slots, data, Settings, seed: 1);
        // Two slot modules, each told of every step: 160 training images, batch 32, 2 epochs = 10 steps.
        Assert.Equal(10, m.Steps);
        var expected = Enumerable.Range(0, 10).SelectMany(s => new[] { new TrainingStep(s, 10), new TrainingStep(s, 10) });
        Assert.Equal(expected, slots.Before);
        Assert.Equal(expected, slots.After);
    }

    [Fact]
    public void Auxiliary_losses_are_added_to_the_task_loss_and_change_training()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 300, test: 100), 0.2, CPU);
        var plain = Trainer.Train(new LinearSlotNet(16), new LinearSlots(), data, Settings, seed: 5);
        var again = Trainer.Train(new LinearSlotNet(16), new LinearSlots(), data, Settings, seed: 5);
        var penalised = Trainer.Train(new LinearSlotNet(16), new LinearSlots(penalty: 10), data, Settings, seed: 5);
        Assert.Equal(plain.FinalTrainLoss, again.FinalTrainLoss); // deterministic, so the difference below is the term's
        // The reported training loss includes the term, and the term (10 x mean squared output) dominates it.
        Assert.True(penalised.FinalTrainLoss > plain.FinalTrainLoss, $"{penalised.FinalTrainLoss} vs {plain.FinalTrainLoss}");
        Assert.NotEqual(plain.ValidationLoss, penalised.ValidationLoss);
    }

    [Fact]
    public void Activation_slots_without_the_optional_contracts_train_exactly_as_before()
    {
        // Same seed, same model: the hooks are looked up once and, absent, add no operation.
        using var data = new PreparedData(TinyData.Blobs(train: 300, test: 100), 0.2, CPU);
        var a = Trainer.Train(new Mlp(16), new BuiltinActivation("relu"), data, Settings, seed: 9);
        var b = Trainer.Train(new Mlp(16), new ActivationGenomeSlot(new Search.Genomes.Activation.ActivationFamily().Parse("max(x, 0)")), data, Settings, seed: 9);
        Assert.Equal(a.FinalTrainLoss, b.FinalTrainLoss, 5);
        Assert.Equal(a.ValidationAccuracy, b.ValidationAccuracy);
    }
}
