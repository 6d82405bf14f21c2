using System.IO.Compression;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>Shared pieces of the dataset targets: random payload bytes and gzip wrapping.</summary>
internal static class DataBytes
{
    public static void Fill(Span<byte> span, Rng rng)
    {
        for (int i = 0; i < span.Length; i++) span[i] = (byte)rng.NextInt(256);
    }

    public static byte[] Gzip(byte[] raw)
    {
        var output = new MemoryStream();
        using (var z = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        return output.ToArray();
    }
}
