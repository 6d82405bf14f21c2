namespace Bench.Fidelity;

/// <summary>The pure statistics of the fidelity bench: Kendall's tau-b, a seed signal-to-noise ratio, ranks.</summary>
public static class RankAgreement
{
    /// <summary>
    /// Kendall's tau-b of paired values: (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)), with
    /// n0 = n(n-1)/2 pairs and n1, n2 the pairs tied in x and in y (a pair tied in both counts in
    /// neither the numerator nor the ties' correction beyond n1 and n2). NaN when fewer than two
    /// pairs or when either side is constant.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"paired values: {x.Count} x against {y.Count} y");
        int n = x.Count;
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                int sx = Math.Sign(x[i] - x[j]), sy = Math.Sign(y[i] - y[j]);
                if (sx == 0) tiedX++;
                if (sy == 0) tiedY++;
                if (sx == 0 || sy == 0) continue;
                if (sx == sy) concordant++;
                else discordant++;
            }
        double n0 = n * (n - 1) / 2.0;
        double denominator = Math.Sqrt((n0 - tiedX) * (n0 - tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }

    /// <summary>
    /// Signal over seed noise: the sample variance of the per-item means over the mean of the per-item
    /// sample variances across seeds. Items with fewer than two values add no variance; NaN when no
    /// item has two values, fewer than two items, or the noise is zero.
    /// </summary>
    public static double SignalToNoise(IReadOnlyList<IReadOnlyList<double>> valuesPerItem)
    {
        var items = valuesPerItem.Where(v => v.Count > 0).ToArray();
        if (items.Length < 2) return double.NaN;
        var means = items.Select(v => v.Average()).ToArray();
        double grand = means.Average();
        double signal = means.Sum(m => (m - grand) * (m - grand)) / (means.Length - 1);
        var variances = items.Where(v => v.Count >= 2).Select(SampleVariance).ToArray();
        if (variances.Length == 0) return double.NaN;
        double noise = variances.Average();
        return noise > 0 ? signal / noise : double.NaN;
    }

    public static double SampleVariance(IReadOnlyList<double> v)
    {
        if (v.Count < 2) return double.NaN;
        double m = v.Average();
        return v.Sum(a => (a - m) * (a - m)) / (v.Count - 1);
    }

    /// <summary>Rank 1 for the highest value; tied values share the mean of their ranks; NaN keeps NaN.</summary>
    public static double[] DescendingRanks(IReadOnlyList<double> values)
    {
        var ranks = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i])) { ranks[i] = double.NaN; continue; }
            int above = 0, equal = 0;
            foreach (double v in values)
            {
                if (double.IsNaN(v)) continue;
                if (v > values[i]) above++;
                else if (v == values[i]) equal++;
            }
            ranks[i] = above + (equal + 1) / 2.0;
        }
        return ranks;
    }
}
