using Search.Core;

namespace Search.Selection;

/// <summary>Random index samples used by the tournaments.</summary>
public static class Sample
{
    /// <summary><paramref name="k"/> distinct indices from [0, n), in draw order (partial Fisher-Yates).</summary>
    public static int[] Distinct(int n, int k, Rng rng)
    {
        if (k > n || k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"cannot draw {k} distinct of {n}");
        var pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.NextInt(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..k];
    }
}
