using System.Text;

namespace Search.Core;

/// <summary>FNV-1a 64 over UTF-8: stable across processes, unlike string.GetHashCode.</summary>
public static class StableHash
{
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    public static ulong Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        ulong h = Offset;
        foreach (byte b in bytes) { h ^= b; h *= Prime; }
        return h;
    }

    public static ulong Combine(ulong h, ulong value)
    {
        for (int i = 0; i < 8; i++) { h ^= (byte)(value >> (8 * i)); h *= Prime; }
        return h;
    }
}
