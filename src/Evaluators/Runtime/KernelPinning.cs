using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Evaluators.Runtime;

/// <summary>
/// Optional pinning of libtorch's CPU kernels. libtorch picks MKL, oneDNN and ATen kernels by the
/// CPU's instruction set, so the same seed can train to other numbers on another CPU.
/// <c>LAYER_SEARCH_KERNELS=avx2</c> pins all three to AVX2 through the variables they read at load
/// time (<c>MKL_CBWR</c>, <c>ONEDNN_MAX_CPU_ISA</c>, <c>ATEN_CPU_CAPABILITY</c>). Off by default: measured
/// (fmnist-mlp-short, relu, seed 3, one thread, final train loss) an Intel AVX-512 Xeon gave 0.2887
/// unpinned and 0.2823 pinned, an AMD EPYC with AVX2 0.2894 either way, so pinning alone does not
/// make those two CPUs agree and costs the Xeon about 0.2 of its speed. The variables must sit in
/// the native environment before libtorch loads: .NET's Environment.SetEnvironmentVariable does not
/// reach native getenv on Linux, so libc's setenv is called. A variable set already is left alone.
/// </summary>
public static class KernelPinning
{
    public const string ModeVariable = "LAYER_SEARCH_KERNELS";

    /// <summary>The variables and the values pinning gives them.</summary>
    public static IReadOnlyList<(string Name, string Value)> Variables { get; } =
        [("MKL_CBWR", "AVX2"), ("ONEDNN_MAX_CPU_ISA", "AVX2"), ("ATEN_CPU_CAPABILITY", "avx2")];

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv")]
    private static extern int UnsetEnv(string name);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv(string name);

    /// <summary>What pinning did: "native" (the default), "pinned to AVX2", or why it could not apply.</summary>
    public static string State { get; private set; } = "native";

    /// <summary>
    /// Pins when <c>LAYER_SEARCH_KERNELS=avx2</c> (or <paramref name="mode"/> says so). Call before
    /// libtorch loads (TorchRuntime.EnsureReady does); once libtorch is loaded it reads nothing more.
    /// </summary>
    public static void Apply(string? mode = null)
    {
        mode ??= Environment.GetEnvironmentVariable(ModeVariable);
        if (mode is null or "" or "native") { State = "native"; return; }
        if (mode != "avx2") { State = $"native ({ModeVariable}={mode} is not one of native, avx2)"; return; }
        if (!OperatingSystem.IsLinux()) { State = "native (pinning needs Linux)"; return; }
        if (!Avx2.IsSupported) { State = "native (the CPU has no AVX2)"; return; }
        try
        {
            foreach (var (name, value) in Variables)
                if (NativeValue(name) is null && SetEnv(name, value, overwrite: 0) == 0) SetByPinning.Add(name);
            State = "pinned to AVX2";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            State = $"native ({e.GetType().Name})";
        }
    }

    private static readonly List<string> SetByPinning = [];

    /// <summary>Removes what <see cref="Apply"/> set (for tests; a loaded libtorch keeps the kernels it chose).</summary>
    public static void Unpin()
    {
        if (!OperatingSystem.IsLinux()) return;
        foreach (var name in SetByPinning) UnsetEnv(name);
        SetByPinning.Clear();
        State = "native";
    }

    /// <summary>A variable as native code sees it (null when unset).</summary>
    public static string? NativeValue(string name)
    {
        if (!OperatingSystem.IsLinux()) return Environment.GetEnvironmentVariable(name);
        var p = GetEnv(name);
        return p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);
    }
}
