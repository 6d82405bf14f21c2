using System.Numerics;
using System.Runtime.CompilerServices;

namespace Evaluators.Data.Files;

/// <summary>Pixel bytes to floats in [0, 1], vectorised: the bulk of a 60k-image load.</summary>
public static class UnitScale
{
    public const float Max = 255f;

    /// <summary>dst[i] = src[i] / 255f, correctly rounded (a true division, not a multiply by 1/255f).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load: skip the slow tier-0 loop
    public static void Convert(ReadOnlySpan<byte> src, Span<float> dst)
    {
        if (dst.Length < src.Length) throw new ArgumentException("destination shorter than source", nameof(dst));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var max = new Vector<float>(Max);
            int bytes = Vector<byte>.Count, floats = Vector<float>.Count;
            for (; i <= src.Length - bytes; i += bytes)
            {
                Vector.Widen(new Vector<byte>(src[i..]), out Vector<ushort> lo, out Vector<ushort> hi);
                Vector.Widen(lo, out Vector<uint> a0, out Vector<uint> a1);
                Vector.Widen(hi, out Vector<uint> a2, out Vector<uint> a3);
                (Vector.ConvertToSingle(a0) / max).CopyTo(dst[i..]);
                (Vector.ConvertToSingle(a1) / max).CopyTo(dst[(i + floats)..]);
                (Vector.ConvertToSingle(a2) / max).CopyTo(dst[(i + 2 * floats)..]);
                (Vector.ConvertToSingle(a3) / max).CopyTo(dst[(i + 3 * floats)..]);
            }
        }
        for (; i < src.Length; i++) dst[i] = src[i] / Max;
    }

    /// <summary>A new array (not zeroed first: every element is written).</summary>
    public static float[] ToFloats(ReadOnlySpan<byte> src)
    {
        var dst = GC.AllocateUninitializedArray<float>(src.Length);
        Convert(src, dst);
        return dst;
    }
}
