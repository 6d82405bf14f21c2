using System.Runtime.Intrinsics.X86;
using Evaluators.Runtime;

namespace Evaluators.Tests.Runtime;

public class KernelPinningTests
{
    [Fact]
    public void Pinning_writes_the_kernel_variables_into_the_native_environment_that_libtorch_reads()
    {
        if (!OperatingSystem.IsLinux() || !Avx2.IsSupported) return; // nothing to pin there
        try
        {
            KernelPinning.Apply("avx2");
            Assert.Equal("pinned to AVX2", KernelPinning.State);
            // Native getenv sees them (what libtorch reads at load), unless the environment had its own value.
            foreach (var (name, value) in KernelPinning.Variables)
                Assert.Equal(Environment.GetEnvironmentVariable(name) ?? value, KernelPinning.NativeValue(name));
        }
        finally
        {
            KernelPinning.Unpin();
        }
        Assert.Equal("native", KernelPinning.State);
        // What pinning set is gone again; a value from the environment stays.
        if (Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY") is null) Assert.Null(KernelPinning.NativeValue("ATEN_CPU_CAPABILITY"));
    }

    [Fact]
    public void An_unknown_mode_is_named_and_leaves_the_kernels_native()
    {
        KernelPinning.Apply("avx9");
        Assert.Contains("avx9", KernelPinning.State);
        Assert.StartsWith("native", KernelPinning.State);
        KernelPinning.Apply("native");
    }
}
