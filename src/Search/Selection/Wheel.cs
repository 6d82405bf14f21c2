using Search.Core;

namespace Search.Selection;

/// <summary>Draws with probability proportional to non-negative weights (binary search on the cumulative sum).</summary>
internal static class Wheel
{
    /// <summary>One independent spin per pick.</summary>
    public static IReadOnlyList<T> Spin<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights, int count, Rng rng)
    {
        var cumulative = Cumulative(weights);
        var chosen = new T[count];
        for (int c = 0; c < count; c++) chosen[c] = items[At(cumulative, weights, rng.NextDouble() * cumulative[^1])];
        return chosen;
    }

    /// <summary>One spin, <paramref name="count"/> pointers a total/count apart; picks come in population order.</summary>
    public static IReadOnlyList<T> Universal<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights, int count, Rng rng)
    {
        var cumulative = Cumulative(weights);
        double step = cumulative[^1] / count, start = rng.NextDouble() * step;
        var chosen = new T[count];
        for (int c = 0; c < count; c++) chosen[c] = items[At(cumulative, weights, start + c * step)];
        return chosen;
    }

    private static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var cumulative = new double[weights.Count];
        double total = 0;
        for (int i = 0; i < weights.Count; i++) cumulative[i] = total += weights[i];
        return cumulative;
    }

    // The first item whose cumulative weight is strictly above r, skipping zero weights.
    private static int At(double[] cumulative, IReadOnlyList<double> weights, double r)
    {
        int k = Array.BinarySearch(cumulative, r);
        k = k < 0 ? ~k : k + 1;
        while (k < weights.Count - 1 && weights[k] == 0) k++;
        return Math.Min(k, cumulative.Length - 1);
    }
}
