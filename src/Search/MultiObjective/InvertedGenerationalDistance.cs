namespace Search.MultiObjective;

/// <summary>IGD: the mean Euclidean distance from each point of a sampled true front to its nearest obtained point.</summary>
public static class InvertedGenerationalDistance
{
    public static double Of(IReadOnlyList<IReadOnlyList<double>> obtained, IReadOnlyList<IReadOnlyList<double>> trueFront)
    {
        if (trueFront.Count == 0) throw new ArgumentException("the true front is empty", nameof(trueFront));
        if (obtained.Count == 0) return double.PositiveInfinity;
        double sum = 0;
        foreach (var t in trueFront)
        {
            double best = double.PositiveInfinity;
            foreach (var p in obtained)
            {
                double d2 = 0;
                for (int m = 0; m < t.Count; m++) d2 += (p[m] - t[m]) * (p[m] - t[m]);
                best = Math.Min(best, d2);
            }
            sum += Math.Sqrt(best);
        }
        return sum / trueFront.Count;
    }
}
