using Search.Core;

namespace Search.Selection;

/// <summary>Draws with probability proportional to non-negative weights (binary search on the cumulative sum).</summary>
internal static class Wheel
{
    public static IReadOnlyList<T> Spin<T>(IReadOnlyList<T> items, IReadOnlyList<double> weights, int count, Rng rng)
    {
        var cumulative = new double[weights.Count];
        double total = 0;
        for (int i = 0; i < weights.Count; i++) cumulative[i] = total += weights[i];
        var chosen = new T[count];
        for (int c = 0; c < count; c++)
        {
            double r = rng.NextDouble() * total;
            int k = Array.BinarySearch(cumulative, r);
            k = k < 0 ? ~k : k + 1; // first cumulative strictly above r
            while (k < weights.Count - 1 && weights[k] == 0) k++;
            chosen[c] = items[Math.Min(k, items.Count - 1)];
        }
        return chosen;
    }
}
