using Evaluators.Compile;
using Evaluators.Compile.Checks;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.NormAct;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Slots;

public class NormActSlotTests
{
    public NormActSlotTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Each_position_gets_its_own_layer_and_parameters()
    {
        var genome = new NormActFamily().Parse(NormActCheck.EvoNormS0);
        var slot = new NormActSlot(genome, groups: 4);
        Assert.Equal(genome.Text, slot.Name);
        using var a = Assert.IsType<NormActModule>(slot.Create(16));
        using var b = Assert.IsType<NormActModule>(slot.Create(32));
        Assert.Equal((16, 4, 32), (a.Channels, a.Groups, b.Channels));
        Assert.NotSame(a.get_parameter("gamma"), b.get_parameter("gamma"));
    }

    [Theory]
    [InlineData("bn-relu", "bn.weight", "bn.running_var")]
    [InlineData("gn-relu", "gn.weight", null)]
    public void Builtin_baselines_are_torch_modules(string name, string parameter, string? buffer)
    {
        using var scope = NewDisposeScope();
        using var layer = new BuiltinNormAct(name).Create(24);
        Assert.Contains(layer.named_parameters(), p => p.name == parameter);
        if (buffer is not null) Assert.Contains(layer.named_buffers(), p => p.name == buffer);
        var y = layer.forward(randn(4, 24, 3, 3, generator: new TorchSharp.torch.Generator(7)));
        Assert.Equal([4L, 24, 3, 3], y.shape);
        float min = y.min().item<float>();
        Assert.True(min >= 0, $"{name} output minimum {min}: expected the ReLU to leave nothing negative");
    }

    [Fact]
    public void Unknown_builtin_is_refused_with_the_known_names()
    {
        var e = Assert.Throws<ArgumentException>(() => new BuiltinNormAct("ln-relu"));
        Assert.Contains("bn-relu", e.Message);
    }
}
