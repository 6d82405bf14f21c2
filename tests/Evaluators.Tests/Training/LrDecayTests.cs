using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Tests.Training;

/// <summary>
/// <see cref="TrainingSettings.LrDecayPerEpoch"/>: the rate a step really uses, read off plain SGD's update
/// (no momentum, no weight decay: w' = w - lr g, so lr = (w - w') . g / g . g), is lr0 * gamma^epoch.
/// </summary>
public class LrDecayTests
{
    public LrDecayTests() => TorchRuntime.EnsureReady(threads: 1);

    private static readonly TrainingSettings Sgd = new()
    {
        Epochs = 4, BatchSize = 32, Optimizer = "sgd", LearningRate = 0.1, Momentum = 0, ValidationFraction = 0.2,
    };

    private const int StepsPerEpoch = 480 / 32; // Blobs: 600 samples, 20% held out

    /// <summary>A Linear(in, out) slot that records the learning rate each optimizer step applied to its weight.</summary>
    private sealed class RateProbe : ISlotFactory
    {
        public List<double> Rates { get; } = [];
        public string Name => "rate-probe";

        public nn.Module<Tensor, Tensor> Create(SlotSite site) => new Layer(site, Rates);

        private sealed class Layer : nn.Module<Tensor, Tensor>, IStepAware
        {
            private readonly Linear inner;
            private readonly List<double> _rates;
            private Tensor? _before;

            public Layer(SlotSite site, List<double> rates) : base("rate-probe")
            {
                inner = nn.Linear(site.InFeatures, site.OutFeatures);
                _rates = rates;
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => inner.forward(x);

            public void BeforeStep(TrainingStep step)
            {
                using var noGrad = no_grad();
                _before?.Dispose();
                _before = inner.weight!.detach().clone().DetachFromDisposeScope();
            }

            public void AfterStep(TrainingStep step)
            {
                using var noGrad = no_grad();
                using var scope = NewDisposeScope();
                var g = inner.weight!.grad!;
                var moved = _before!.sub(inner.weight);
                _rates.Add(moved.mul(g).sum().item<float>() / (double)g.square().sum().item<float>());
            }
        }
    }

    private static (TrainingMetrics Metrics, List<double> Rates) Run(TrainingSettings settings)
    {
        using var data = new PreparedData(TinyData.Blobs(), settings.ValidationFraction, CPU);
        var probe = new RateProbe();
        var metrics = Trainer.Train(new LinearSlotNet(), probe, data, settings, seed: 5);
        return (metrics, probe.Rates);
    }

    [Fact]
    public void With_gamma_one_half_every_step_of_epoch_e_uses_lr0_times_one_half_to_the_e()
    {
        var (metrics, rates) = Run(Sgd with { LrDecayPerEpoch = 0.5 });
        Assert.Equal(Sgd.Epochs * StepsPerEpoch, metrics.Steps);
        Assert.Equal(Sgd.Epochs * StepsPerEpoch, rates.Count);
        for (int step = 0; step < rates.Count; step++)
        {
            double expected = 0.1 * Math.Pow(0.5, step / StepsPerEpoch);
            Assert.True(Math.Abs(rates[step] - expected) <= 1e-3 * expected, $"step {step}: rate {rates[step]}, expected {expected}");
        }
    }

    [Fact]
    public void Gamma_one_is_no_schedule_and_changes_nothing()
    {
        var (plain, plainRates) = Run(Sgd);
        var (one, oneRates) = Run(Sgd with { LrDecayPerEpoch = 1 });
        var (decayed, _) = Run(Sgd with { LrDecayPerEpoch = 0.5 });
        Assert.All(plainRates, r => Assert.InRange(r, 0.1 * (1 - 1e-3), 0.1 * (1 + 1e-3)));
        Assert.Equal(plainRates, oneRates);
        Assert.Equal(plain.ValidationLoss, one.ValidationLoss);
        Assert.Equal(plain.FinalTrainLoss, one.FinalTrainLoss);
        Assert.NotEqual(plain.ValidationLoss, decayed.ValidationLoss);
    }

    [Fact]
    public void The_decay_is_checked()
    {
        Assert.Throws<ArgumentException>(() => (Sgd with { LrDecayPerEpoch = 0 }).Validate());
        Assert.Throws<ArgumentException>(() => (Sgd with { LrDecayPerEpoch = 1.5 }).Validate());
        Assert.Throws<ArgumentException>(() => (Sgd with { LrDecayPerEpoch = double.NaN }).Validate());
        Assert.Throws<ArgumentException>(() => new TrainingSettings { Optimizer = "lbfgs", LrDecayPerEpoch = 0.8 }.Validate());
        (Sgd with { LrDecayPerEpoch = 0.8, Optimizer = "adamw" }).Validate();
    }
}
