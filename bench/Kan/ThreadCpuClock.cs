using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Bench.Kan;

/// <summary>
/// CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)). With one torch thread the
/// forward, the backward (libtorch runs CPU autograd on the calling thread) and BLAS all run here, so this
/// is the step's compute time without the time other processes held the core: on a shared machine it is far
/// steadier than the wall clock. Elsewhere it falls back to the wall clock.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGettime(int clock, out Timespec time);

    public static bool IsThreadCpuTime { get; } = Probe();

    /// <summary>Milliseconds on this thread's clock (arbitrary origin).</summary>
    public static double NowMs()
    {
        if (IsThreadCpuTime && ClockGettime(ClockThreadCpuTimeId, out var t) == 0) return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
        return Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return ClockGettime(ClockThreadCpuTimeId, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }
}
