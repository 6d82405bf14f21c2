using Evaluators.Families.NormAct;
using Evaluators.Compile;
using Evaluators.Compile.Checks;
using Evaluators.Data;
using Evaluators.Tasks;
using Evaluators.Tests.Data;
using Evaluators.Models;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tests.Training;
using Evaluators.Training;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Models;

/// <summary>The norm-act templates: shapes, one slot per norm-act position, and that they learn.</summary>
public class NormActTemplateTests
{
    public NormActTemplateTests() => TorchRuntime.EnsureReady(1);

    public static TheoryData<string, int> Templates => new()
    {
        { "resnet", 7 },     // stem + 2 per residual block x 3
        { "mobilenet", 9 },  // stem + 2 per separable block x 4
        { "plaincnn", 6 },   // one per convolution
    };

    private static IModelTemplate Make(string name) => name switch
    {
        "resnet" => new ResNetTemplate(),
        "mobilenet" => new MobileNetTemplate(),
        _ => new PlainCnnTemplate(),
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Builds_for_both_image_shapes_with_a_slot_at_every_norm_act_position(string name, int slots)
    {
        var template = Make(name);
        var slot = new NormActSlot(new NormActFamily().Parse(NormActCheck.EvoNormS0));
        foreach (var shape in new[] { new[] { 1, 28, 28 }, new[] { 3, 32, 32 } })
        {
            using var scope = NewDisposeScope();
            using var model = template.Build(shape, 10, slot);
            Assert.Equal(slots, model.modules().Count(m => m is NormActModule));
            var y = model.forward(randn(new long[] { 3 }.Concat(shape.Select(s => (long)s)).ToArray()));
            Assert.Equal([3L, 10], y.shape);
        }
        Assert.Throws<ArgumentException>(() => template.Build([784], 10, slot));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Has_no_normalisation_of_its_own(string name, int slots)
    {
        using var model = Make(name).Build([1, 28, 28], 10, new BuiltinNormAct("bn-relu"));
        Assert.Equal(slots, model.modules().Count(m => m.GetType().Name == "BatchNorm2d"));
        Assert.Equal(slots, model.modules().Count(m => m.GetType().Name == "ReLU"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Learns_a_small_problem_with_bn_relu(string name, int slots)
    {
        _ = slots;
        using var data = new PreparedData(TinyData.Blobs(train: 480, test: 240), 0.1, CPU);
        var settings = new TrainingSettings { Epochs = 3, BatchSize = 32, LearningRate = 3e-3, ValidationFraction = 0.1 };
        var metrics = Trainer.Train(Make(name), new BuiltinNormAct("bn-relu"), data, settings, seed: 1);
        Assert.False(metrics.Diverged);
        Assert.True(metrics.TestAccuracy > 0.7, $"{name}: test accuracy {metrics.TestAccuracy} (chance 0.33)");
    }

    [Fact]
    public void Training_with_compiled_layers_leaves_the_live_tensor_count_where_it_was()
    {
        using var data = new PreparedData(TinyData.Blobs(train: 120, test: 60), 0.2, CPU);
        var settings = new TrainingSettings { Epochs = 1, BatchSize = 16, ValidationFraction = 0.2 };
        var slot = new NormActSlot(new NormActFamily().Parse(NormActCheck.EvoNormB0));
        Trainer.Train(new ResNetTemplate(4, 8), slot, data, settings, seed: 1); // warm up lazy state

        long before = LiveTensors.Count;
        var metrics = Trainer.Train(new ResNetTemplate(4, 8), slot, data, settings, seed: 2);
        Trainer.Train(new MobileNetTemplate(4, (8, 2)), slot, data, settings, seed: 3);
        Assert.Equal(before, LiveTensors.Count);
        Assert.True(metrics.Steps > 0);
    }

    [Theory]
    [InlineData("fmnist-resnet", typeof(ResNetTemplate))]
    [InlineData("fmnist-mobilenet", typeof(MobileNetTemplate))]
    [InlineData("fmnist-plaincnn", typeof(PlainCnnTemplate))]
    public void Proxy_tasks_are_registered_on_fashion_mnist(string name, Type template)
    {
        var task = ProxyTasks.Get(name);
        Assert.IsType(template, task.Template);
        Assert.Equal("fashion-mnist", task.Dataset);
        task.Training.Validate();
        Assert.Equal(ProxyTasks.List.Count, ProxyTasks.List.Select(t => t.Name).Distinct().Count());
    }

    // MobileNet needs about 80 steps to pass 0.5 here (0.20 after 40), twice the cost, so the real-data run
    // covers the other two; the blob problem above covers all three.
    [FashionMnistFact]
    public void ResNet_learns_a_small_fashion_mnist_subset_with_bn_relu() => LearnsFashionMnist("resnet");

    [FashionMnistFact]
    public void PlainCnn_learns_a_small_fashion_mnist_subset_with_bn_relu() => LearnsFashionMnist("plaincnn");

    private static void LearnsFashionMnist(string name)
    {
        var splits = DatasetCatalog.CreateDefault().Load("fashion-mnist",
            new DatasetLoadOptions { TrainLimit = 1100, TestLimit = 500, Standardize = true });
        using var data = new PreparedData(splits, 1.0 / 11, CPU);
        var settings = new TrainingSettings { Epochs = 2, BatchSize = 50, LearningRate = 3e-3, ValidationFraction = 1.0 / 11 };
        double accuracy = Trainer.Train(Make(name), new BuiltinNormAct("bn-relu"), data, settings, seed: 1).TestAccuracy;
        // Three times chance: measured 0.45-0.6 depending on the CPU's kernels.
        Assert.True(accuracy > 0.3, $"{name}: test accuracy {accuracy} after 40 steps of 50 on 1000 images (chance 0.1)");
    }
}
