using System.Text;
using Evaluators.Data;
using Evaluators.Data.Cifar;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>
/// The CIFAR-10 batch reader (<see cref="Cifar10Dataset.FromBatch"/>): one to three records, raw or
/// gzipped, and their mutants. Bad bytes may raise only <see cref="DatasetException"/>; an accepted
/// batch must hold exactly size / 3073 samples of 3x32x32 with labels 0..9.
/// </summary>
public sealed class CifarTarget : IFuzzTarget
{
    public string Name => "cifar10";

    public IReadOnlyList<byte[]> Tokens { get; } =
        [[0], [9], [10], [0xff], [0x1f, 0x8b], [0x1f, 0x8b, 8, 0], [0xff, 0xff, 0xff, 0xff], Encoding.UTF8.GetBytes("data_batch")];

    public byte[] Valid(Rng rng)
    {
        int records = 1 + rng.NextInt(3);
        var bytes = new byte[records * Cifar10Dataset.RecordSize];
        DataBytes.Fill(bytes, rng);
        for (int r = 0; r < records; r++) bytes[r * Cifar10Dataset.RecordSize] = (byte)rng.NextInt(10);
        return rng.Chance(0.25) ? DataBytes.Gzip(bytes) : bytes;
    }

    public void Run(byte[] input)
    {
        var data = Cifar10Dataset.FromBatch(input, "fuzz-cifar");
        if (data.X.Length != data.Count * Cifar10Dataset.PixelCount || data.Labels!.Length != data.Count
            || data.Labels.Any(l => l is < 0 or > 9) || data.X.Any(v => v is < 0 or > 1))
            throw new FuzzPropertyException($"{data.Count} records gave {data.X.Length} pixels and {data.Labels!.Length} labels");
    }

    public bool IsDocumented(Exception e) => e is DatasetException;
}
