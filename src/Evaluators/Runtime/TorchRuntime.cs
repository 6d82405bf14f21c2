using TorchSharp;

namespace Evaluators.Runtime;

/// <summary>
/// Process-wide TorchSharp start-up: pins libtorch's kernels to one instruction set
/// (<see cref="KernelPinning"/>, so results do not depend on the CPU), makes the native library
/// loadable on this OS, then sets the thread count once. Call before the first tensor operation (every entry point does).
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool _ready;

    public static LibTorchSharpFix.Outcome FixOutcome { get; private set; }

    /// <summary>Idempotent. <paramref name="threads"/> of 0 keeps libtorch's default.</summary>
    public static void EnsureReady(int threads = 0)
    {
        lock (Gate)
        {
            if (!_ready)
            {
                KernelPinning.Apply();
                try { FixOutcome = LibTorchSharpFix.Apply(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidOperationException(
                        $"libLibTorchSharp.so needs GLIBCXX_3.4.32, which this system's libstdc++ lacks, and the copy at " +
                        $"'{LibTorchSharpFix.FindLibrary()}' could not be patched ({e.Message}). Run the program once as a user " +
                        "who can write that file, or install a libstdc++ from GCC 13 or later.", e);
                }
                _ready = true;
            }
            if (threads > 0 && torch.get_num_threads() != threads) torch.set_num_threads(threads);
        }
    }
}
