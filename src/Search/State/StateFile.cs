using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Search.State;

/// <summary>
/// The envelope of a state file: 8 magic bytes "SRCHSTAT", format version (uint32 little-endian),
/// payload length (int64 little-endian), the payload, then SHA-256 of everything before it (32
/// bytes). Writes go to a temporary file in the same folder, are flushed to disk, and are renamed
/// over the old file, so a crash leaves either the old file or the new one, never a mix.
/// </summary>
public static class StateFile
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "SRCHSTAT"u8;
    private const int HeaderLength = 8 + 4 + 8;
    private const int ChecksumLength = 32;

    public static void Write(string path, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[HeaderLength + payload.Length + ChecksumLength];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(12), payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderLength));
        SHA256.HashData(bytes.AsSpan(0, HeaderLength + payload.Length), bytes.AsSpan(HeaderLength + payload.Length));

        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The payload, or a <see cref="StateFileException"/> saying exactly what is wrong.</summary>
    public static byte[] Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(path, $"cannot be read ({e.Message})", e);
        }

        int seen = Math.Min(bytes.Length, Magic.Length);
        if (!bytes.AsSpan(0, seen).SequenceEqual(Magic[..seen]))
            throw new StateFileException(path, "bad magic bytes: not a search state file");
        if (bytes.Length < HeaderLength)
            throw new StateFileException(path, $"truncated: expected at least {HeaderLength} header bytes, found {bytes.Length}");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
            throw new StateFileException(path, $"unsupported format version {version} (this build reads version {FormatVersion})");
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (payloadLength < 0 || payloadLength > int.MaxValue)
            throw new StateFileException(path, $"corrupt header: payload length {payloadLength}");
        long expected = HeaderLength + payloadLength + ChecksumLength;
        if (bytes.Length < expected)
            throw new StateFileException(path, $"truncated: expected {expected} bytes, found {bytes.Length}");
        if (bytes.Length > expected)
            throw new StateFileException(path, $"trailing data: expected {expected} bytes, found {bytes.Length}");

        int covered = HeaderLength + (int)payloadLength;
        Span<byte> hash = stackalloc byte[ChecksumLength];
        SHA256.HashData(bytes.AsSpan(0, covered), hash);
        if (!hash.SequenceEqual(bytes.AsSpan(covered, ChecksumLength)))
            throw new StateFileException(path, "checksum mismatch: the file is corrupted");
        return bytes.AsSpan(HeaderLength, (int)payloadLength).ToArray();
    }
}
