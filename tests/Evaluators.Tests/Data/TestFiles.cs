using System.Buffers.Binary;
using System.IO.Compression;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data;

/// <summary>Writes small IDX and CIFAR-10 files (valid or deliberately broken) for reader tests.</summary>
public static class TestFiles
{
    public static byte[] Idx(uint magic, int[] dims, byte[] payload)
    {
        var bytes = new byte[4 + 4 * dims.Length + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * d), (uint)dims[d]);
        payload.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Images(int count, int rows, int cols, byte[] pixels) => Idx(IdxArray.ImagesMagic, [count, rows, cols], pixels);
    public static byte[] Labels(byte[] labels) => Idx(IdxArray.LabelsMagic, [labels.Length], labels);

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }

    /// <summary>Deterministic pixel bytes: (seed * 31 + i * 7) mod 256, so values differ per file.</summary>
    public static byte[] Pattern(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((seed * 31 + i * 7) % 256))];

    public static byte[] LabelPattern(int count, int seed) => [.. Enumerable.Range(0, count).Select(i => (byte)((seed + i) % 10))];

    /// <summary>
    /// Writes a valid MNIST-layout set (train 6 images, test 4, rows x cols) into dir; gzip
    /// compresses every file (names get ".gz" when <paramref name="gzName"/>).
    /// </summary>
    public static void WriteIdxSet(string dir, bool gzip, int rows = 28, int cols = 28, int train = 6, int test = 4,
        bool gzName = true)
    {
        Write(dir, IdxDataset.TrainImages, Images(train, rows, cols, Pattern(train * rows * cols, 1)), gzip, gzName);
        Write(dir, IdxDataset.TrainLabels, Labels(LabelPattern(train, 0)), gzip, gzName);
        Write(dir, IdxDataset.TestImages, Images(test, rows, cols, Pattern(test * rows * cols, 2)), gzip, gzName);
        Write(dir, IdxDataset.TestLabels, Labels(LabelPattern(test, 3)), gzip, gzName);
    }

    /// <summary>Writes a file (gzipped when asked) and returns its path.</summary>
    public static string Write(string dir, string baseName, byte[] content, bool gzip, bool gzName = true)
    {
        string path = Path.Combine(dir, baseName + (gzip && gzName ? ".gz" : ""));
        File.WriteAllBytes(path, gzip ? Gzip(content) : content);
        return path;
    }

    /// <summary>CIFAR-10 records: label (seed + r) mod 10, pixels Pattern(3072, seed * 100 + r).</summary>
    public static byte[] CifarBatch(int records, int seed)
    {
        var bytes = new byte[records * 3073];
        for (int r = 0; r < records; r++)
        {
            bytes[r * 3073] = (byte)((seed + r) % 10);
            Pattern(3072, seed * 100 + r).CopyTo(bytes, r * 3073 + 1);
        }
        return bytes;
    }

    public static void WriteCifarSet(string dir, int recordsPerBatch = 3, bool gzip = false)
    {
        for (int b = 1; b <= 5; b++)
            File.WriteAllBytes(Path.Combine(dir, $"data_batch_{b}.bin"), MaybeGzip(CifarBatch(recordsPerBatch, b), gzip));
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), MaybeGzip(CifarBatch(recordsPerBatch, 9), gzip));
    }

    private static byte[] MaybeGzip(byte[] data, bool gzip) => gzip ? Gzip(data) : data;
}
