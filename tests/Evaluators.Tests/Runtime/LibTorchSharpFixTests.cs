using Evaluators.Runtime;

namespace Evaluators.Tests.Runtime;

/// <summary>The patch on a private copy of the shipped library, against fake system libstdc++ files.</summary>
public sealed class LibTorchSharpFixTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("torchfix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ShippedCopy()
    {
        string shipped = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".nuget", "packages", "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(shipped)) shipped = LibTorchSharpFix.FindLibrary()!;
        string copy = Path.Combine(_dir, "libLibTorchSharp.so");
        File.Copy(shipped, copy);
        // Start from the as-shipped state even if the source copy was already patched.
        byte[] elf = File.ReadAllBytes(copy);
        foreach (var n in ElfVersionNeeds.Read(elf, copy).Where(n => n.IsWeak && LibTorchSharpFix.SafeToWeaken.Contains(n.Version)))
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)n.FlagsOffset), (ushort)(n.Flags & ~ElfVersionNeeds.VerFlagWeak));
        File.WriteAllBytes(copy, elf);
        return copy;
    }

    private string FakeLibStdCxx(params string[] versions)
    {
        string path = Path.Combine(_dir, "libstdc++.so.6");
        File.WriteAllText(path, string.Concat(versions.Select(v => v + "\0")));
        return path;
    }

    [Fact]
    public void Old_libstdcxx_gets_the_requirement_marked_weak_and_nothing_else_changes()
    {
        string lib = ShippedCopy();
        byte[] before = File.ReadAllBytes(lib);
        Assert.Contains(ElfVersionNeeds.Read(before, lib), n => n.Version == "GLIBCXX_3.4.32" && !n.IsWeak);

        var outcome = LibTorchSharpFix.Apply(lib, FakeLibStdCxx("GLIBCXX_3.4.29", "GLIBCXX_3.4.30"));

        Assert.Equal(LibTorchSharpFix.Outcome.Patched, outcome);
        byte[] after = File.ReadAllBytes(lib);
        var need = ElfVersionNeeds.Read(after, lib).Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.True(need.IsWeak);
        Assert.Equal(before.Length, after.Length);
        int differing = Enumerable.Range(0, before.Length).Count(i => before[i] != after[i]);
        Assert.Equal(1, differing); // only the low byte of one vna_flags field
        Assert.Equal(LibTorchSharpFix.Outcome.AlreadyPatched, LibTorchSharpFix.Apply(lib, FakeLibStdCxx("GLIBCXX_3.4.30")));
    }

    [Fact]
    public void New_libstdcxx_leaves_the_file_untouched()
    {
        string lib = ShippedCopy();
        byte[] before = File.ReadAllBytes(lib);
        var stamp = File.GetLastWriteTimeUtc(lib);

        var outcome = LibTorchSharpFix.Apply(lib, FakeLibStdCxx("GLIBCXX_3.4.30", "GLIBCXX_3.4.32"));

        Assert.Equal(LibTorchSharpFix.Outcome.SystemHasVersions, outcome);
        Assert.Equal(before, File.ReadAllBytes(lib));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(lib));
    }

    [Fact]
    public void A_file_that_is_not_elf_is_reported_by_name()
    {
        string path = Path.Combine(_dir, "bogus.so");
        File.WriteAllText(path, "not a library");
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(File.ReadAllBytes(path), path));
        Assert.Contains("bogus.so", e.Message);
    }
}
