using Evaluators.Families.NormAct;
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
        using var a = Assert.IsType<NormActModule>(slot.Create(SlotSite.Same(16)));
        using var b = Assert.IsType<NormActModule>(slot.Create(SlotSite.Same(32)));
        Assert.Equal((16, 4, 32), (a.Channels, a.Groups, b.Channels));
        Assert.NotSame(a.get_parameter("gamma"), b.get_parameter("gamma"));
    }

    [Theory]
    [InlineData("bn-relu", "bn.weight", "bn.running_var")]
    [InlineData("gn-relu", "gn.weight", null)]
    public void Builtin_baselines_are_torch_modules(string name, string parameter, string? buffer)
    {
        using var scope = NewDisposeScope();
        using var layer = new BuiltinNormAct(name).Create(SlotSite.Same(24));
        Assert.Contains(layer.named_parameters(), p => p.name == parameter);
        if (buffer is not null) Assert.Contains(layer.named_buffers(), p => p.name == buffer);
        var y = layer.forward(randn(4, 24, 3, 3, generator: new TorchSharp.torch.Generator(7)));
        Assert.Equal([4L, 24, 3, 3], y.shape);
        foreach (var (pname, p) in layer.named_parameters())
            Assert.True(p.isfinite().all().item<bool>(), $"{name}: parameter {pname} is not finite right after construction");
        float min = y.min().item<float>();
        Assert.True(min >= 0, $"{name} output minimum {min}: expected the ReLU to leave nothing negative");
    }

    [Fact]
    public void Unknown_builtin_is_refused_with_the_known_names()
    {
        var e = Assert.Throws<ArgumentException>(() => new BuiltinNormAct("ln-relu"));
        Assert.Contains("bn-relu", e.Message);
    }

    [Fact]
    public void Group_norm_module_matches_torch_group_norm()
    {
        using var scope = NewDisposeScope();
        var x = randn(4, 24, 3, 3, generator: new TorchSharp.torch.Generator(3));
        using var ours = new GroupNormModule(6, 24);
        // Against the functional form with explicit affine values: TorchSharp 0.107's nn.GroupNorm
        // leaves its weight and bias uninitialised here (this test first saw values of 1e34).
        var expected = TorchSharp.torch.nn.functional.group_norm(x, 6, ones(24), zeros(24), 1e-5);
        float diff = ours.forward(x).sub(expected).abs().max().item<float>();
        Assert.True(diff < 1e-5, $"max difference {diff}");
    }
}
