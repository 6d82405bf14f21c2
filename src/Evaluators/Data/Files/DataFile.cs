using System.Buffers.Binary;
using System.IO.Compression;

namespace Evaluators.Data.Files;

/// <summary>
/// Reads a data file whole. Gzip is recognised by its magic bytes (1f 8b), not by the name, so a
/// gunzipped file still called ".gz" (or a gzipped one without the suffix) reads correctly.
/// </summary>
public static class DataFile
{
    /// <exception cref="DatasetException">The file is missing, unreadable, or corrupt gzip.</exception>
    public static FileContent Read(string path)
    {
        byte[] raw;
        try { raw = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        { throw new DatasetException($"{path}: file not found", path, e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new DatasetException($"{path}: cannot read the file ({e.Message})", path, e); }
        return Decode(raw, path);
    }

    /// <summary>A file's bytes as read, gunzipped when they are gzip; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="DatasetException">Corrupt gzip data.</exception>
    public static FileContent Decode(byte[] raw, string path) =>
        IsGzip(raw) ? new FileContent(Gunzip(raw, path), true) : new FileContent(raw, false);

    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static byte[] Gunzip(byte[] gz, string path)
    {
        // Header (10) + empty deflate block (2) + trailer (8): anything shorter is cut off.
        if (gz.Length < 20)
            throw Corrupt(path, $"only {gz.Length} bytes, too short for a gzip header and trailer");
        // The trailer's last word is the uncompressed size mod 2^32: it sizes the buffer exactly
        // and exposes a stream that ends early (truncated files often decode without an error).
        uint isize = BinaryPrimitives.ReadUInt32LittleEndian(gz.AsSpan(gz.Length - 4));
        bool plausible = isize <= Array.MaxLength && isize <= (long)gz.Length * 1100; // deflate expands at most ~1032x
        int initial = plausible ? (int)isize : (int)Math.Min(gz.Length * 4L, Array.MaxLength);
        var output = new MemoryStream(initial);
        try
        {
            using var z = new GZipStream(new MemoryStream(gz, writable: false), CompressionMode.Decompress);
            z.CopyTo(output);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Corrupt(path, e.Message, e);
        }
        if ((uint)output.Length != isize)
            throw Corrupt(path, $"decompressed {output.Length} bytes but the gzip trailer records {isize} " +
                                "(the file is truncated or damaged)");
        return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
    }

    private static DatasetException Corrupt(string path, string why, Exception? inner = null) =>
        new($"{path}: corrupt gzip data: {why}", path, inner);
}
