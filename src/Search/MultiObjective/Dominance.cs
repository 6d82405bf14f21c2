namespace Search.MultiObjective;

/// <summary>Pareto dominance on minimised objective vectors.</summary>
public static class Dominance
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Dominates(Dense(a), Dense(b));

    /// <summary>The span form, for the hot loops of sorting (no interface calls).</summary>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool better = false;
        for (int m = 0; m < a.Length; m++)
        {
            if (a[m] > b[m]) return false;
            if (a[m] < b[m]) better = true;
        }
        return better;
    }

    internal static double[] Dense(IReadOnlyList<double> p) => p as double[] ?? [.. p];

    internal static double[][] Dense(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var dense = new double[points.Count][];
        for (int i = 0; i < dense.Length; i++) dense[i] = Dense(points[i]);
        return dense;
    }
}
