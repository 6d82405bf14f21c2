using Bench;
using Bench.EvoNorm;

namespace Evaluators.Tests.Bench;

public sealed class EvoNormBatchTests
{
    [Fact]
    public void Defaults_cover_the_full_grid_on_one_thread()
    {
        var o = EvoNormBatchOptions.Parse([]);
        Assert.Equal(new[] { "resnet", "mobilenet", "plaincnn" }, o.Archs);
        Assert.Equal(new[] { 2, 4, 8, 32, 128 }, o.Batches);
        Assert.Equal((2_000, 1, 3, "adam", 1e-3, 1, false), (o.Images, o.Epochs, o.Seeds, o.Optimizer, o.LearningRate, o.Threads, o.Sweep));
    }

    [Fact]
    public void Options_are_read_from_lists_and_numbers()
    {
        var o = EvoNormBatchOptions.Parse(["--archs", "plaincnn,resnet", "--batches", "4,128", "--lr", "0.05", "--optimizer", "sgd",
            "--images", "500", "--sweep", "--seeds", "2"]);
        Assert.Equal(new[] { "plaincnn", "resnet" }, o.Archs);
        Assert.Equal(new[] { 4, 128 }, o.Batches);
        Assert.Equal((0.05, "sgd", 500, true, 2), (o.LearningRate, o.Optimizer, o.Images, o.Sweep, o.Seeds));
    }

    [Theory]
    [InlineData("--archs", "vgg")]
    [InlineData("--batches", "4,x")]
    [InlineData("--batches", "0")]
    [InlineData("--optimizer", "lamb")]
    [InlineData("--lr", "-1")]
    [InlineData("--bogus", "1")]
    public void Bad_options_are_rejected_by_name(string name, string value) =>
        Assert.Throws<ArgumentException>(() => EvoNormBatchOptions.Parse([name, value]));

    [Fact]
    public void Sweep_changes_one_factor_per_condition()
    {
        var o = EvoNormBatchOptions.Parse([]);
        var c = EvoNormSweep.Conditions(o).ToDictionary(x => x.Key);
        Assert.Equal(new[] { "base", "epochs", "sgd", "images", "arch" }, EvoNormSweep.Conditions(o).Select(x => x.Key));
        Assert.Equal(o, c["base"].Options);
        Assert.Equal(o with { Epochs = 3 }, c["epochs"].Options);
        Assert.Equal(o with { Optimizer = "sgd", LearningRate = 0.05 }, c["sgd"].Options);
        Assert.Equal(o with { Images = 8_000 }, c["images"].Options);
        Assert.Equal((o, "plaincnn"), (c["arch"].Options, c["arch"].Arch));
        Assert.All(c.Values.Where(x => x.Key != "arch"), x => Assert.Equal("resnet", x.Arch));
    }
}
