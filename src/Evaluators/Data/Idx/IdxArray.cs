using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Evaluators.Data.Files;

namespace Evaluators.Data.Idx;

/// <summary>
/// One IDX unsigned-byte file (magic 0x00000803 images: count x rows x cols; 0x00000801 labels:
/// count), checked against its header when read: magic, dimensions and exact size.
/// </summary>
public sealed class IdxArray
{
    public const uint ImagesMagic = 0x00000803;
    public const uint LabelsMagic = 0x00000801;

    private readonly byte[] _bytes;
    private readonly int _offset;

    public string Path { get; }
    /// <summary>Dims[0] is the number of items; the rest is one item's shape.</summary>
    public int[] Dims { get; }
    public int Count => Dims[0];
    public int ItemSize { get; }

    private IdxArray(string path, int[] dims, byte[] bytes, int offset)
    {
        Path = path; Dims = dims; _bytes = bytes; _offset = offset;
        ItemSize = dims.Skip(1).Aggregate(1, (a, b) => a * b);
    }

    /// <exception cref="DatasetException">The file is missing, unreadable, or not a well-formed IDX images file.</exception>
    public static IdxArray ReadImages(string path) => Parse(DataFile.Read(path), path, ImagesMagic, "images");

    /// <exception cref="DatasetException">The file is missing, unreadable, or not a well-formed IDX labels file.</exception>
    public static IdxArray ReadLabels(string path) => Parse(DataFile.Read(path), path, LabelsMagic, "labels");

    /// <summary>
    /// An IDX file's bytes (raw or gzipped) as read from <paramref name="path"/>, which names it in
    /// errors: the entry point for data that is already in memory (and for the fuzzer).
    /// </summary>
    /// <exception cref="DatasetException">
    /// Corrupt gzip, wrong magic, a zero or oversized dimension, or a size that differs from the header's;
    /// the only exception any byte sequence raises.
    /// </exception>
    public static IdxArray FromBytes(byte[] raw, string path, bool images) =>
        images ? Parse(DataFile.Decode(raw, path), path, ImagesMagic, "images")
               : Parse(DataFile.Decode(raw, path), path, LabelsMagic, "labels");

    /// <summary>The first <paramref name="count"/> items' bytes scaled to [0, 1].</summary>
    public float[] ToUnitFloats(int count) => UnitScale.ToFloats(Items(count));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per load: skip the slow tier-0 loop
    public long[] ToLabels(int count)
    {
        var src = Items(count);
        var dst = new long[src.Length];
        for (int i = 0; i < src.Length; i++) dst[i] = src[i];
        return dst;
    }

    /// <summary>Index of the first item byte &gt;= <paramref name="limit"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per load: skip the slow tier-0 loop
    public int FirstAtLeast(int limit)
    {
        var all = Items(Count);
        for (int i = 0; i < all.Length; i++) if (all[i] >= limit) return i;
        return -1;
    }

    public byte ByteAt(int index) => Items(Count)[index];

    private ReadOnlySpan<byte> Items(int count) => _bytes.AsSpan(_offset, checked(count * ItemSize));

    private static IdxArray Parse(FileContent content, string path, uint magic, string kind)
    {
        var bytes = content.Bytes;
        int rank = (int)(magic & 0xff);
        int header = 4 + 4 * rank;
        if (bytes.Length < 4)
            throw new DatasetException($"{path}: truncated IDX {kind} file: expected at least {header} header bytes, " +
                                       $"found {bytes.Length}{content.SizeNote}", path);
        uint found = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (found != magic)
            throw new DatasetException($"{path}: wrong magic number for IDX {kind}: expected 0x{magic:X8}, " +
                                       $"found 0x{found:X8}{MagicHint(found)}", path);
        if (bytes.Length < header)
            throw new DatasetException($"{path}: truncated IDX {kind} file: expected at least {header} header bytes, " +
                                       $"found {bytes.Length}{content.SizeNote}", path);

        var dims = new int[rank];
        string[] names = rank == 3 ? ["count", "rows", "columns"] : ["count"];
        long payload = 1;
        for (int d = 0; d < rank; d++)
        {
            uint v = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (v == 0 || v > int.MaxValue)
                throw new DatasetException($"{path}: IDX {kind} header gives {names[d]} = {v}; expected a positive size", path);
            dims[d] = (int)v;
            payload *= v;
            if (header + payload > Array.MaxLength)
                throw new DatasetException($"{path}: IDX {kind} header dimensions {string.Join('x', dims.Take(d + 1))} " +
                                           "describe more data than any file can hold", path);
        }
        long total = header + payload;
        if (bytes.Length != total)
        {
            string what = $"{dims[0]} {kind}" + (rank > 1 ? $" of {string.Join('x', dims.Skip(1))}" : "");
            string problem = bytes.Length < total ? "truncated IDX file" : "IDX file longer than its header says";
            throw new DatasetException($"{path}: {problem}: expected {total} bytes ({header}-byte header + {what}), " +
                                       $"found {bytes.Length}{content.SizeNote}", path);
        }
        return new IdxArray(path, dims, bytes, header);
    }

    private static string MagicHint(uint found) => found switch
    {
        ImagesMagic => " (this is an IDX images file)",
        LabelsMagic => " (this is an IDX labels file)",
        0x03080000 or 0x01080000 => " (byte order reversed)",
        _ when (found >> 16) == 0 && ((found >> 8) & 0xff) != 0x08 => " (IDX data that is not unsigned bytes)",
        _ when (found >> 16) == 0 => $" (IDX unsigned bytes with {found & 0xff} dimensions)",
        _ => " (not an IDX file)",
    };
}
