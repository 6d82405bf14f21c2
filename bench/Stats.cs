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
}
