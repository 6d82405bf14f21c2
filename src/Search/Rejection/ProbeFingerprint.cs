using MessagePack;
using Search.Core;

namespace Search.Rejection;

/// <summary>
/// The functional-equivalence key of AutoML-Zero: a candidate's outputs on a fixed probe set,
/// quantised and hashed. Quantisation: each output is rounded to 20 mantissa bits (relative step
/// 2^-20..2^-21, about 1e-6), and magnitudes below 1e-12 count as zero (so 0, -0 and rounding
/// residue agree). Formulas that agree to ~1e-13 relative, e.g. x*sigmoid(x) and x/(1+exp(-x)),
/// collide except with probability ~1e-7 per probe (a value landing within float noise of a
/// rounding boundary); outputs that differ by more than one step (1e-4 relative is ~100 steps)
/// never collide. Any NaN or infinity makes the fingerprint non-finite: such candidates are not
/// cached, since equal non-finite outputs say nothing about equal functions.
/// </summary>
[MessagePackObject]
public readonly record struct ProbeFingerprint([property: Key(0)] ulong Hash, [property: Key(1)] bool IsFinite)
{
    private const int MantissaBitsKept = 20;
    private const double ZeroBelow = 1e-12;

    /// <summary>
    /// 32 fixed scalar probes in [-6, 6]: zero, small values (1e-3 .. 0.1) where activations are
    /// nearly linear, the bend region around +-1, and the tails where saturation differs.
    /// </summary>
    public static IReadOnlyList<double> ScalarProbes { get; } =
    [
        0, 1e-3, -1e-3, 0.01, -0.01, 0.05, -0.05, 0.1, -0.1, 0.3, -0.3, 0.5, -0.5, 0.7, -0.7,
        1, -1, 1.3, -1.3, 1.7, 2, -2, 2.5, -2.5, 3, -3, 4, -4, 5, -5, 6, -6,
    ];

    public static ProbeFingerprint NonFinite { get; } = new(0, false);

    /// <summary>Fingerprint of a scalar function on <see cref="ScalarProbes"/>.</summary>
    public static ProbeFingerprint OfFunction(Func<double, double> f)
    {
        Span<double> outputs = stackalloc double[ScalarProbes.Count];
        for (int i = 0; i < outputs.Length; i++) outputs[i] = f(ScalarProbes[i]);
        return Of(outputs);
    }

    /// <summary>Fingerprint of any fixed-length output vector (e.g. a layer's outputs on a fixed probe tensor).</summary>
    public static ProbeFingerprint Of(ReadOnlySpan<double> outputs)
    {
        ulong h = StableHash.Combine(StableHash.Of("fec-v1"u8), (ulong)outputs.Length);
        foreach (double v in outputs)
        {
            if (!double.IsFinite(v)) return NonFinite;
            h = StableHash.Combine(h, Quantise(v));
        }
        return new ProbeFingerprint(h, true);
    }

    /// <summary>Round-to-nearest on the mantissa; a carry into the exponent is still the right neighbour.</summary>
    internal static ulong Quantise(double v)
    {
        if (Math.Abs(v) < ZeroBelow) return 0;
        const int drop = 52 - MantissaBitsKept;
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(v);
        bits += 1UL << (drop - 1);
        return bits & ~((1UL << drop) - 1);
    }

    public override string ToString() => IsFinite ? Hash.ToString("x16") : "non-finite";
}
