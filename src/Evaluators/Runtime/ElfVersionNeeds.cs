using System.Buffers.Binary;
using System.Text;

namespace Evaluators.Runtime;

/// <summary>
/// Reads and edits the version-needs section (.gnu.version_r) of a 64-bit little-endian ELF
/// shared object. Used to mark a required symbol version weak (VER_FLG_WEAK), which makes the
/// dynamic loader treat a missing version as non-fatal.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    public const ushort VerFlagWeak = 0x2;

    /// <summary>One required version: the library that provides it, its name and its flags, with the flags' file offset.</summary>
    public sealed record Need(string File, string Version, ushort Flags, long FlagsOffset)
    {
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    public static IReadOnlyList<Need> Read(byte[] elf, string pathForErrors)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{pathForErrors}: not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{pathForErrors}: only 64-bit little-endian ELF is supported");

        var span = elf.AsSpan();
        long shoff = (long)U64(span, 0x28);
        int shentsize = U16(span, 0x3A), shnum = U16(span, 0x3C);
        var needs = new List<Need>();
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (U32(span, sh + 4) != ShtGnuVerneed) continue;
            long offset = (long)U64(span, sh + 0x18);
            int link = (int)U32(span, sh + 0x28), count = (int)U32(span, sh + 0x2C);
            long strtab = (long)U64(span, shoff + (long)link * shentsize + 0x18);

            long vn = offset;
            for (int n = 0; n < count; n++)
            {
                int auxCount = U16(span, vn + 2);
                string file = CString(span, strtab + U32(span, vn + 4));
                long aux = vn + U32(span, vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = U16(span, aux + 4);
                    needs.Add(new Need(file, CString(span, strtab + U32(span, aux + 8)), flags, aux + 4));
                    aux += U32(span, aux + 12);
                }
                vn += U32(span, vn + 12);
            }
        }
        return needs;
    }

    /// <summary>Sets the weak flag on every need whose version is in <paramref name="versions"/>; returns how many changed.</summary>
    public static int MarkWeak(byte[] elf, string pathForErrors, IReadOnlySet<string> versions)
    {
        int changed = 0;
        foreach (var need in Read(elf, pathForErrors))
        {
            if (!versions.Contains(need.Version) || need.IsWeak) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)need.FlagsOffset), (ushort)(need.Flags | VerFlagWeak));
            changed++;
        }
        return changed;
    }

    private static ushort U16(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt16LittleEndian(s[checked((int)at)..]);
    private static uint U32(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt32LittleEndian(s[checked((int)at)..]);
    private static ulong U64(ReadOnlySpan<byte> s, long at) => BinaryPrimitives.ReadUInt64LittleEndian(s[checked((int)at)..]);

    private static string CString(ReadOnlySpan<byte> s, long at)
    {
        var rest = s[checked((int)at)..];
        int end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }
}
