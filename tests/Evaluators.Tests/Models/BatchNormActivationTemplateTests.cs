using Evaluators.Data;
using Evaluators.Families.Activation;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using Evaluators.Tests.Training;
using Evaluators.Training;
using Search.Genomes.Activation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Evaluators.Tests.Models;

/// <summary>The BatchNorm-then-activation adapter of norm-act templates, and the activation tasks built on it.</summary>
public class BatchNormActivationTemplateTests
{
    public BatchNormActivationTemplateTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Puts_a_batchnorm_right_before_every_activation_of_the_resnet()
    {
        var template = new BatchNormActivationTemplate(new ResNetTemplate(4, 8, 16));
        Assert.Equal(SlotKind.Activation, template.Slots);
        using var scope = NewDisposeScope();
        using var model = template.Build([1, 28, 28], 10, new ActivationGenomeSlot(new ActivationFamily().Parse("relu(x)")));
        // stem + 2 per residual block x 3: each slot is Sequential(BatchNorm2d, activation).
        var pairs = model.modules().OfType<Sequential>().Where(s => s.children().Count() == 2).ToArray();
        Assert.Equal(7, pairs.Length);
        Assert.All(pairs, p =>
        {
            var children = p.children().ToArray();
            Assert.IsType<BatchNorm2d>(children[0]);
            Assert.IsType<Evaluators.Compile.ActivationModule>(children[1]);
        });
        Assert.Equal(7, model.modules().Count(m => m is BatchNorm2d));
        Assert.Equal(7, model.modules().Count(m => m is Evaluators.Compile.ActivationModule));
        Assert.Equal([2L, 10], model.forward(randn(2, 1, 28, 28)).shape);
    }

    [Fact]
    public void Unit_gain_wraps_the_activation_not_the_batchnorm()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 40, test: 20), 0.1, CPU);
        using var model = Trainer.Build(new BatchNormActivationTemplate(new ResNetTemplate(4, 4, 4)),
            new ActivationGenomeSlot(new ActivationFamily().Parse("x + abs(x)")), data, seed: 1, unitGain: true);
        Assert.Equal(7, model.modules().Count(m => m is BatchNorm2d));
        Assert.Equal(7, model.modules().Count(m => m is UnitGainLayer));
        Assert.All(model.modules().OfType<UnitGainLayer>(), l => Assert.Equal(1 / Math.Sqrt(2), l.Gain, 4));
    }

    [Fact]
    public void Rejects_an_activation_template()
    {
        Assert.Throws<ArgumentException>(() => new BatchNormActivationTemplate(new SmallCnn()));
    }

    [Fact]
    public void Learns_tiny_image_data()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 480, test: 240), 0.1, CPU);
        var settings = new TrainingSettings { Epochs = 3, BatchSize = 32, LearningRate = 3e-3, ValidationFraction = 0.1 };
        var metrics = Trainer.Train(new BatchNormActivationTemplate(new ResNetTemplate(8, 8, 8)),
            new ActivationGenomeSlot(new ActivationFamily().Parse("gelu(x)")), data, settings, seed: 1);
        Assert.False(metrics.Diverged);
        Assert.True(metrics.TestAccuracy > 0.7, $"test accuracy {metrics.TestAccuracy} (chance 0.33)");
    }

    [Fact]
    public void Fidelity_tasks_are_listed_with_their_budgets()
    {
        var names = ProxyTasks.List.Select(t => t.Name).ToArray();
        Assert.Contains("fmnist-resnet-act", names);
        Assert.Contains("fmnist-cnn-short", names);
        Assert.Equal(names.Length, names.Distinct().Count());

        var resnet = ProxyTasks.Get("fmnist-resnet-act");
        Assert.Equal("activation", ProxyTasks.FamilyOf(resnet).Name);
        var adapter = Assert.IsType<BatchNormActivationTemplate>(resnet.Template);
        Assert.Equal([16, 32, 64], Assert.IsType<ResNetTemplate>(adapter.Inner).Widths);
        Assert.Equal((2, 64, 6_000, 3e-3, false), (resnet.Training.Epochs, resnet.Training.BatchSize, resnet.Training.TrainSubset,
            resnet.Training.LearningRate, resnet.Training.UnitGain));

        var cnn = ProxyTasks.Get("fmnist-cnn-short");
        Assert.Equal("cnn-32-64-128", cnn.Template.Name);
        Assert.Equal((1, 10_000, true), (cnn.Training.Epochs, cnn.Training.TrainSubset, cnn.Training.UnitGain));
        foreach (var task in new[] { resnet, cnn })
        {
            Assert.Equal("fashion-mnist", task.Dataset);
            Assert.False(string.IsNullOrWhiteSpace(task.Description));
            task.Training.Validate();
        }
    }
}
