using Evaluators.Runtime;
using TorchSharp;

namespace Evaluators.Tests.Runtime;

public class TorchLoadsTests
{
    [Fact]
    public void Tensor_operations_work_after_start_up()
    {
        TorchRuntime.EnsureReady();
        using var scope = torch.NewDisposeScope();
        var sum = torch.ones(3, 4).sum().item<float>();
        Assert.Equal(12f, sum);
    }

    [Fact]
    public void Loaded_library_has_no_unmet_strong_glibcxx_requirement()
    {
        TorchRuntime.EnsureReady();
        string lib = LibTorchSharpFix.FindLibrary() ?? throw new Xunit.Sdk.XunitException("libLibTorchSharp.so not found beside the tests");
        string? libstdcxx = LibTorchSharpFix.SystemLibStdCxx();
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(lib), lib);
        Assert.Contains(needs, n => n.Version.StartsWith("GLIBCXX_", StringComparison.Ordinal));
        foreach (var need in needs.Where(n => LibTorchSharpFix.SafeToWeaken.Contains(n.Version)))
        {
            bool systemHasIt = libstdcxx is not null && File.ReadAllText(libstdcxx).Contains(need.Version + "\0");
            Assert.True(systemHasIt || need.IsWeak, $"{need.Version} is required strongly but the system libstdc++ lacks it");
        }
    }
}
