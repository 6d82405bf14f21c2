using System.Buffers.Binary;
using System.Text;
using Evaluators.Data;
using Evaluators.Data.Idx;
using Search.Core;

namespace Bench.Fuzz.Targets;

/// <summary>
/// The IDX reader (<see cref="IdxArray.FromBytes"/>, as images and as labels): small images and
/// labels files, raw or gzipped, and their mutants. Bad bytes may raise only <see cref="DatasetException"/>; an
/// accepted file must yield exactly its header's item count and size when converted.
/// </summary>
public sealed class IdxTarget : IFuzzTarget
{
    public string Name => "idx";

    public IReadOnlyList<byte[]> Tokens { get; } =
        [[0, 0, 8, 3], [0, 0, 8, 1], [0x1f, 0x8b], [0x1f, 0x8b, 8, 0], [0xff, 0xff, 0xff, 0xff], [0, 0, 0, 0], [0x7f, 0xff, 0xff, 0xff], Encoding.UTF8.GetBytes("idx")];

    public byte[] Valid(Rng rng)
    {
        bool images = rng.Chance(0.5);
        int count = 1 + rng.NextInt(6), rows = 1 + rng.NextInt(5), cols = 1 + rng.NextInt(5);
        int rank = images ? 3 : 1, header = 4 + 4 * rank;
        int payload = images ? count * rows * cols : count;
        var bytes = new byte[header + payload];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, images ? IdxArray.ImagesMagic : IdxArray.LabelsMagic);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), (uint)count);
        if (images)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), (uint)rows);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(12), (uint)cols);
        }
        DataBytes.Fill(bytes.AsSpan(header), rng);
        return rng.Chance(0.25) ? DataBytes.Gzip(bytes) : bytes;
    }

    // Both readers see every input: a mutant's magic may name either (or, gzipped, neither visibly).
    public void Run(byte[] input)
    {
        var refusals = new List<DatasetException>();
        foreach (bool images in (bool[])[true, false])
        {
            try { Use(IdxArray.FromBytes(input, "fuzz-idx", images)); }
            catch (DatasetException e) { refusals.Add(e); }
        }
        if (refusals.Count == 2) throw refusals[0];
    }

    private static void Use(IdxArray array)
    {
        var floats = array.ToUnitFloats(array.Count);
        var labels = array.ToLabels(array.Count);
        if (floats.Length != (long)array.Count * array.ItemSize || labels.Length != floats.Length)
            throw new FuzzPropertyException($"{array.Count} items of {array.ItemSize} gave {floats.Length} floats and {labels.Length} labels");
        array.FirstAtLeast(10);
    }

    public bool IsDocumented(Exception e) => e is DatasetException;
}
