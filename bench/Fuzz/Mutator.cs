using System.Buffers.Binary;
using System.Text;
using Search.Core;

namespace Bench.Fuzz;

/// <summary>
/// Byte-level mutations of a valid input: flips, truncation, insertion, deletion, splicing with a
/// second valid input, duplication, the target's tokens, huge and odd numbers, deep nesting, and
/// overwritten 32-bit header words. Each call applies one to four of them.
/// </summary>
public static class Mutator
{
    private static readonly byte[][] Numbers =
    [
        .. new[]
        {
            "0", "-0", "1e309", "-1e309", "1e-400", "NaN", "Infinity", "9999999999999999999999", "2147483648",
            "-2147483649", "4294967296", "9223372036854775808", "1.7976931348623157e308", "4.9e-324", "0.", ".5",
            "1e", "1e+", "--1", "00000000000000000000001",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly uint[] Words = [0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF, 0x10000, 28, 3073];

    /// <summary>A mutated copy of <paramref name="input"/>; <paramref name="other"/> is a second valid input to splice from.</summary>
    public static byte[] Mutate(byte[] input, byte[] other, IReadOnlyList<byte[]> tokens, Rng rng)
    {
        var data = new List<byte>(input);
        int rounds = 1 + rng.NextInt(4);
        for (int i = 0; i < rounds; i++) MutateOnce(data, other, tokens, rng);
        return [.. data];
    }

    private static void MutateOnce(List<byte> d, byte[] other, IReadOnlyList<byte[]> tokens, Rng rng)
    {
        switch (rng.NextInt(12))
        {
            case 0 when d.Count > 0: // bit flip
                d[rng.NextInt(d.Count)] ^= (byte)(1 << rng.NextInt(8));
                break;
            case 1 when d.Count > 0: // random byte
                d[rng.NextInt(d.Count)] = (byte)rng.NextInt(256);
                break;
            case 2: // truncate
                int cut = rng.NextInt(d.Count + 1);
                d.RemoveRange(cut, d.Count - cut);
                break;
            case 3: // insert random bytes
                d.InsertRange(rng.NextInt(d.Count + 1), Enumerable.Range(0, 1 + rng.NextInt(8)).Select(_ => (byte)rng.NextInt(256)));
                break;
            case 4 when d.Count > 0: // delete a range
            {
                int at = rng.NextInt(d.Count);
                d.RemoveRange(at, Math.Min(d.Count - at, 1 + rng.NextInt(16)));
                break;
            }
            case 5 when other.Length > 0: // splice a piece of another valid input
            {
                int from = rng.NextInt(other.Length);
                int len = Math.Min(other.Length - from, 1 + rng.NextInt(64));
                d.InsertRange(rng.NextInt(d.Count + 1), other.AsSpan(from, len).ToArray());
                break;
            }
            case 6 when d.Count > 0: // duplicate a range in place
            {
                int at = rng.NextInt(d.Count);
                int len = Math.Min(d.Count - at, 1 + rng.NextInt(64));
                d.InsertRange(at, d.GetRange(at, len));
                break;
            }
            case 7 or 8 when tokens.Count > 0: // a token, inserted or replacing a few bytes
            {
                int at = rng.NextInt(d.Count + 1);
                if (rng.Chance(0.5) && at < d.Count) d.RemoveRange(at, Math.Min(d.Count - at, 1 + rng.NextInt(4)));
                d.InsertRange(at, rng.Pick(tokens));
                break;
            }
            case 9: // an odd number
                d.InsertRange(rng.NextInt(d.Count + 1), rng.Pick(Numbers));
                break;
            case 10 when tokens.Count > 0: // deep nesting: one token repeated many times
            {
                var token = rng.Pick(tokens);
                int times = rng.Chance(0.8) ? 1 + rng.NextInt(600) : 1 + rng.NextInt(20_000);
                var run = new byte[token.Length * times];
                for (int t = 0; t < times; t++) token.CopyTo(run, t * token.Length);
                d.InsertRange(rng.NextInt(d.Count + 1), run);
                break;
            }
            case 11 when d.Count >= 4: // a 32-bit big-endian word (IDX headers), usually at an aligned header offset
            {
                int at = rng.Chance(0.7) ? 4 * rng.NextInt(Math.Min(5, d.Count / 4)) : rng.NextInt(d.Count - 3);
                Span<byte> w = stackalloc byte[4];
                uint v = rng.Chance(0.8) ? rng.Pick(Words) : (uint)rng.NextULong();
                BinaryPrimitives.WriteUInt32BigEndian(w, v);
                for (int k = 0; k < 4; k++) d[at + k] = w[k];
                break;
            }
            default:
                if (d.Count > 0) d[rng.NextInt(d.Count)] ^= 0xFF;
                break;
        }
    }
}
