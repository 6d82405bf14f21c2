using System.Runtime.Intrinsics.X86;
using Evaluators.Runtime;
using TorchSharp;

namespace Evaluators.Tests.Runtime;

public class KernelPinningTests
{
    public KernelPinningTests() => TorchRuntime.EnsureReady(threads: 1);

    [Fact]
    public void Libtorch_sees_the_pinned_kernel_variables_in_the_native_environment()
    {
        if (!OperatingSystem.IsLinux() || !Avx2.IsSupported || Environment.GetEnvironmentVariable(KernelPinning.OptOutVariable) == "native")
        {
            Assert.StartsWith("off", KernelPinning.State);
            return;
        }
        Assert.Equal("pinned to AVX2", KernelPinning.State);
        foreach (var (name, value) in KernelPinning.Variables)
            Assert.Equal(Environment.GetEnvironmentVariable(name) ?? value, KernelPinning.NativeValue(name));
        // libtorch loaded after pinning, so a tensor operation works under the pinned kernels.
        using var x = torch.ones(4, 4);
        Assert.Equal(16f, x.matmul(x).sum().item<float>() / 4);
    }
}
