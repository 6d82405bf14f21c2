using System.Runtime.InteropServices;
using System.Text;

namespace Evaluators.Runtime;

/// <summary>
/// TorchSharp 0.107.0's libLibTorchSharp.so was linked by GCC 13 and requires GLIBCXX_3.4.32, which
/// Debian 12's libstdc++ lacks. The only symbol behind that version is std::ios_base_library_init(),
/// a marker that is never called, so marking the requirement weak is safe. This runs once at first
/// start, before any tensor call, and changes nothing where the system libstdc++ has the version.
/// </summary>
public static class LibTorchSharpFix
{
    /// <summary>Versions known to guard only never-called marker symbols.</summary>
    public static readonly IReadOnlySet<string> SafeToWeaken = new HashSet<string>(StringComparer.Ordinal) { "GLIBCXX_3.4.32" };

    private static readonly string[] LibStdCxxCandidates =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    ];

    public enum Outcome { NotLinux, LibraryNotFound, SystemHasVersions, AlreadyPatched, Patched }

    /// <summary>Applies the fix to the libLibTorchSharp.so this process will load; safe to call many times.</summary>
    public static Outcome Apply() =>
        !RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? Outcome.NotLinux
        : FindLibrary() is not { } lib ? Outcome.LibraryNotFound
        : Apply(lib, SystemLibStdCxx());

    /// <summary>
    /// Weakens the safe requirements of <paramref name="library"/> that <paramref name="systemLibStdCxx"/>
    /// (null when none was found) does not provide. The file is replaced atomically.
    /// </summary>
    public static Outcome Apply(string library, string? systemLibStdCxx)
    {
        byte[] elf = File.ReadAllBytes(library);
        var missing = ElfVersionNeeds.Read(elf, library)
            .Where(n => SafeToWeaken.Contains(n.Version) && !n.IsWeak)
            .Select(n => n.Version)
            .Where(v => systemLibStdCxx is null || !FileContains(systemLibStdCxx, v))
            .ToHashSet(StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            bool anyWeak = ElfVersionNeeds.Read(elf, library).Any(n => SafeToWeaken.Contains(n.Version) && n.IsWeak);
            return anyWeak ? Outcome.AlreadyPatched : Outcome.SystemHasVersions;
        }

        ElfVersionNeeds.MarkWeak(elf, library, missing);
        string temp = library + $".patch-{Environment.ProcessId}";
        File.WriteAllBytes(temp, elf);
        File.Move(temp, library, overwrite: true);
        return Outcome.Patched;
    }

    /// <summary>The copy the loader will pick: beside the application first, as the .NET host resolves native assets.</summary>
    public static string? FindLibrary()
    {
        string baseDir = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(baseDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(baseDir, "libLibTorchSharp.so"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    public static string? SystemLibStdCxx() => LibStdCxxCandidates.FirstOrDefault(File.Exists);

    private static bool FileContains(string path, string text)
    {
        byte[] needle = Encoding.ASCII.GetBytes(text + "\0");
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }
}
