using Evaluators.Data.Files;

namespace Evaluators.Data.Cifar;

/// <summary>
/// Loads the CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin, each a run of
/// 3073-byte records (1 label byte, then 1024 red, 1024 green, 1024 blue bytes, row-major), from
/// the named directory or its cifar-10-batches-bin subfolder. Pixels become floats in [0, 1];
/// samples are shaped [3, 32, 32], the record's own channel-major order.
/// </summary>
public static class Cifar10Dataset
{
    public const int RecordSize = 1 + PixelCount;
    public const int PixelCount = 3 * 32 * 32;
    public const string Subfolder = "cifar-10-batches-bin";
    public static readonly IReadOnlyList<string> TrainFiles = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];
    public const string TestFile = "test_batch.bin";

    /// <exception cref="DatasetException">A missing directory or file, or a file that is not a CIFAR-10 batch.</exception>
    public static DatasetSplits Load(string directory, int? trainLimit = null, int? testLimit = null)
    {
        string dir = Resolve(directory);
        var train = ReadRecords([.. TrainFiles.Select(f => Path.Combine(dir, f))], trainLimit);
        var test = ReadRecords([Path.Combine(dir, TestFile)], testLimit);
        return new DatasetSplits("cifar10", train, test, 10);
    }

    private static string Resolve(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DatasetException($"cifar10: data directory {directory} does not exist", directory);
        string[] dirs = [directory, Path.Combine(directory, Subfolder)];
        string[] names = [.. TrainFiles, TestFile];
        foreach (var dir in dirs)
        {
            if (!names.Any(n => File.Exists(Path.Combine(dir, n)))) continue;
            var missing = names.Where(n => !File.Exists(Path.Combine(dir, n))).ToList();
            if (missing.Count > 0)
                throw new DatasetException($"{dir}: missing CIFAR-10 file(s) {string.Join(", ", missing)}", dir);
            return dir;
        }
        throw new DatasetException($"{directory}: missing CIFAR-10 binary batches; looked for {string.Join(", ", names)} " +
                                   $"in {directory} and {dirs[1]} (extract cifar-10-binary.tar.gz there)", directory);
    }

    /// <summary>
    /// One batch file's bytes (raw or gzipped) as read from <paramref name="path"/>, which names it
    /// in errors: the entry point for data already in memory (and for the fuzzer).
    /// </summary>
    /// <exception cref="DatasetException">
    /// Corrupt gzip, a size that is not a positive multiple of <see cref="RecordSize"/>, or a label
    /// above 9; the only exception any byte sequence raises.
    /// </exception>
    public static TensorData FromBatch(byte[] raw, string path)
    {
        var content = DataFile.Decode(raw, path);
        return ToData([(content.Bytes, CheckBatch(content, path))]);
    }

    /// <summary>Reads files in order until <paramref name="limit"/> records are in hand.</summary>
    private static TensorData ReadRecords(IReadOnlyList<string> paths, int? limit)
    {
        var batches = new List<(byte[] Bytes, int Records)>();
        long wanted = limit ?? long.MaxValue, have = 0;
        foreach (var path in paths)
        {
            if (have >= wanted) break;
            var content = DataFile.Read(path);
            int take = (int)Math.Min(CheckBatch(content, path), wanted - have);
            batches.Add((content.Bytes, take));
            have += take;
        }
        return ToData(batches);
    }

    /// <summary>The number of records in a batch whose size and labels are right.</summary>
    private static int CheckBatch(FileContent content, string path)
    {
        var bytes = content.Bytes;
        if (bytes.Length == 0 || bytes.Length % RecordSize != 0)
            throw new DatasetException($"{path}: size {bytes.Length} bytes{content.SizeNote} is not a positive multiple " +
                                       $"of the {RecordSize}-byte CIFAR-10 record (1 label + {PixelCount} pixels); " +
                                       "the file is truncated or not a CIFAR-10 binary batch", path);
        int records = bytes.Length / RecordSize;
        for (int r = 0; r < records; r++)
        {
            byte label = bytes[r * RecordSize];
            if (label > 9)
                throw new DatasetException($"{path}: label {label} in record {r} is out of range 0..9", path);
        }
        return records;
    }

    private static TensorData ToData(IReadOnlyList<(byte[] Bytes, int Records)> batches)
    {
        long total = batches.Sum(b => (long)b.Records);
        // Six full-size batches could in principle hold more pixels than one float array can.
        if (total * PixelCount > Array.MaxLength)
            throw new DatasetException($"{total} CIFAR-10 records hold more pixels than one array can; pass a smaller limit");
        int n = (int)total;
        var x = GC.AllocateUninitializedArray<float>(n * PixelCount);
        var labels = new long[n];
        int i = 0;
        foreach (var (bytes, records) in batches)
            for (int r = 0; r < records; r++, i++)
            {
                labels[i] = bytes[r * RecordSize];
                UnitScale.Convert(bytes.AsSpan(r * RecordSize + 1, PixelCount), x.AsSpan(i * PixelCount, PixelCount));
            }
        return new TensorData(x, [3, 32, 32], n, labels, null, 0);
    }
}
