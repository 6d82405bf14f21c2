using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Evaluators.Runtime;

/// <summary>
/// Makes training results independent of which x64 CPU runs them. libtorch picks MKL, oneDNN and
/// ATen kernels by the CPU's instruction set, so the same seed gave another final loss on an AVX-512
/// machine than on an AVX2 one (../shared/ENVIRONMENT.md). Pinning all three to AVX2 through the
/// variables they read at load time (<c>MKL_CBWR</c>, <c>ONEDNN_MAX_CPU_ISA</c>,
/// <c>ATEN_CPU_CAPABILITY</c>) gives the same numbers on every x64 CPU with AVX2 (about 0.8x the speed
/// on AVX-512 machines, none on AVX2 ones). They must sit in the native environment before libtorch
/// loads: .NET's Environment.SetEnvironmentVariable does not reach native getenv on Linux, so libc's
/// setenv is called. A variable the user set already is left alone; <c>LAYER_SEARCH_KERNELS=native</c>
/// turns pinning off (fastest kernels, results then depend on the CPU).
/// </summary>
public static class KernelPinning
{
    public const string OptOutVariable = "LAYER_SEARCH_KERNELS";

    /// <summary>The variables and the values pinning gives them.</summary>
    public static IReadOnlyList<(string Name, string Value)> Variables { get; } =
        [("MKL_CBWR", "AVX2"), ("ONEDNN_MAX_CPU_ISA", "AVX2"), ("ATEN_CPU_CAPABILITY", "avx2")];

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv(string name);

    /// <summary>What pinning did: "pinned to AVX2", "off (LAYER_SEARCH_KERNELS=native)", or why it could not apply.</summary>
    public static string State { get; private set; } = "not applied";

    /// <summary>Call before libtorch loads (TorchRuntime.EnsureReady does); later calls change nothing native.</summary>
    public static void Apply()
    {
        if (Environment.GetEnvironmentVariable(OptOutVariable) is "native") { State = $"off ({OptOutVariable}=native)"; return; }
        if (!OperatingSystem.IsLinux()) { State = "off (not Linux)"; return; }
        if (!Avx2.IsSupported) { State = "off (the CPU has no AVX2: default kernels)"; return; }
        try
        {
            foreach (var (name, value) in Variables) SetEnv(name, value, overwrite: 0);
            State = "pinned to AVX2";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            State = $"off ({e.GetType().Name})";
        }
    }

    /// <summary>A variable as native code sees it (null when unset).</summary>
    public static string? NativeValue(string name)
    {
        if (!OperatingSystem.IsLinux()) return Environment.GetEnvironmentVariable(name);
        var p = GetEnv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }
}
