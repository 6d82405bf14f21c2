using System.Runtime.InteropServices;

namespace Evaluators.Runtime;

/// <summary>
/// glibc's malloc serves blocks above its mmap threshold (dynamic, 32 MiB at most) with fresh mmap'd pages and
/// unmaps them on free, and trims the heap once more than twice that lies free at its top. So every training
/// step's large gradients and temporaries (a 1000x1000x10 float coefficient tensor is 40 MB) are page-faulted
/// and zeroed anew: measured on a 1000 -> 1000 KAN layer step, 15-30 ms of 60-110 ms. <see cref="KeepLargeBlocks"/>
/// raises both thresholds so such blocks are reused. Process-wide and opt-in (no entry point calls it yet;
/// kan-step --heap-reuse does): it changes no result, only where memory comes from, and the heap keeps its peak.
/// </summary>
public static class NativeHeap
{
    private const int MTrimThreshold = -1, MMmapThreshold = -3;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    /// <summary>True when glibc accepted both settings.</summary>
    public static bool KeepLargeBlocks(int bytes = 1 << 30)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return MallOpt(MMmapThreshold, bytes) == 1 & MallOpt(MTrimThreshold, int.MaxValue) == 1; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }
}
