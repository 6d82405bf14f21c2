using Evaluators.Candidates;
using Evaluators.Compile;
using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Training;
using Evaluators.Training;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Slots;

public class UnitGainSlotTests
{
    public UnitGainSlotTests() => TorchRuntime.EnsureReady(threads: 1);

    private static nn.Module<Tensor, Tensor> Genome(string text) => new ActivationModule(new ActivationFamily().Parse(text));

    [Theory]
    [InlineData("relu(x)", 0.5)]                // half of E[z^2]
    [InlineData("x", 1.0)]
    [InlineData("x + abs(x)", 2.0)]             // (2 relu)^2 = 4 relu^2
    [InlineData("x * x", 3.0)]                  // E[z^4]
    [InlineData("exp(x)", 7.38905609893065)]    // E[exp(2z)] = e^2
    public void Second_moment_under_a_standard_normal_matches_the_closed_form(string genome, double expected)
    {
        using var layer = Genome(genome);
        Assert.Equal(expected, UnitGain.SecondMoment(layer), 5);
    }

    [Fact]
    public void Builtins_are_measured_like_genomes()
    {
        using var relu = new BuiltinActivation("relu").Create(SlotSite.Same(4));
        Assert.Equal(Math.Sqrt(2), UnitGain.Of(relu), 5);
    }

    [Fact]
    public void A_zero_or_unbounded_function_keeps_gain_one()
    {
        using var zero = Genome("x - x");
        using var huge = Genome("exp(exp(exp(x)))");
        Assert.Equal(1.0, UnitGain.Of(zero));
        Assert.Equal(1.0, UnitGain.Of(huge));
    }

    [Fact]
    public void Scaled_layer_has_unit_second_moment_and_keeps_the_inner_learnables_as_parameters()
    {
        var slot = new UnitGainSlot(new ActivationGenomeSlot(new ActivationFamily().Parse("x * sigmoid(@b(1.5) * x)")));
        using var layer = slot.Create(SlotSite.Same(8));
        Assert.Equal(1.0, UnitGain.SecondMoment(layer), 5);
        Assert.Single(layer.parameters());
        Assert.Single(layer.modules().OfType<ActivationModule>());
    }

    [Fact]
    public void Two_relu_and_relu_train_to_the_same_model_under_unit_gain_and_apart_without()
    {
        using var data = new PreparedData(TinyData.Blobs(), 0.2, CPU);
        var settings = new TrainingSettings { Epochs = 3, BatchSize = 32, ValidationFraction = 0.2 };
        TrainingMetrics Train(string genome, bool unit) =>
            Trainer.Train(new Mlp(16, 16), new ActivationGenomeSlot(new ActivationFamily().Parse(genome)), data, settings with { UnitGain = unit }, seed: 5);

        var relu = Train("relu(x)", true);
        var twice = Train("x + abs(x)", true);
        Assert.Equal(relu.ValidationLoss, twice.ValidationLoss, 5);
        Assert.Equal(relu.FinalTrainLoss, twice.FinalTrainLoss, 5);

        var rawRelu = Train("relu(x)", false);
        var rawTwice = Train("x + abs(x)", false);
        Assert.NotEqual(rawRelu.ValidationLoss, rawTwice.ValidationLoss, 5);
    }

    [Fact]
    public void Search_proxies_use_unit_gain_and_the_reference_mlp_does_not()
    {
        Assert.True(Evaluators.Tasks.ProxyTasks.Get("fmnist-deep-mlp").Training.UnitGain);
        Assert.True(Evaluators.Tasks.ProxyTasks.Get("fmnist-mlp-short").Training.UnitGain);
        Assert.False(Evaluators.Tasks.ProxyTasks.Get("fmnist-mlp").Training.UnitGain);
    }
}
