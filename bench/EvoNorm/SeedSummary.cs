using System.Globalization;

namespace Bench.EvoNorm;

/// <summary>Mean ± sample sd of per-seed values, and paired per-seed differences (same seed = same batch order).</summary>
public static class SeedSummary
{
    public static double[] Paired(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b, (x, y) => x - y).ToArray();

    public static string Format(IReadOnlyList<double> xs, bool signed = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{(signed ? Stats.Mean(xs).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture) : Stats.Mean(xs).ToString("0.0000", CultureInfo.InvariantCulture))} ± {Stats.Sd(xs):0.0000}");
}
