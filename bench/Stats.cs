namespace Bench;

/// <summary>Mean and sample standard deviation, the two numbers every seed table needs.</summary>
public static class Stats
{
    public static double Mean(IReadOnlyList<double> xs) => xs.Average();

    public static double Sd(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return 0;
        double m = Mean(xs);
        return Math.Sqrt(xs.Sum(x => (x - m) * (x - m)) / (xs.Count - 1));
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> xs)
    {
        var sorted = xs.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("the median of no values");
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
