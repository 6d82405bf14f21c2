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

    /// <summary>Reads files in order until <paramref name="limit"/> records are in hand.</summary>
    private static TensorData ReadRecords(IReadOnlyList<string> paths, int? limit)
    {
        var batches = new List<(byte[] Bytes, int Records)>();
        long wanted = limit ?? long.MaxValue, have = 0;
        foreach (var path in paths)
        {
            if (have >= wanted) break;
            var content = DataFile.Read(path);
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
            int take = (int)Math.Min(records, wanted - have);
            batches.Add((bytes, take));
            have += take;
        }

        int n = (int)have;
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
