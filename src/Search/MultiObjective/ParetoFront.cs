namespace Search.MultiObjective;

/// <summary>The non-dominated subset of a set of points.</summary>
public static class ParetoFront
{
    /// <summary>Indices (ascending) of the points no other point dominates; duplicates all stay.</summary>
    public static int[] Indices(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var front = new List<int>();
        for (int i = 0; i < points.Count; i++)
        {
            bool dominated = false;
            for (int j = 0; j < points.Count && !dominated; j++)
                dominated = j != i && Dominance.Dominates(points[j], points[i]);
            if (!dominated) front.Add(i);
        }
        return [.. front];
    }

    /// <summary>The non-dominated points themselves, in input order.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, Func<T, IReadOnlyList<double>> objectives) =>
        Indices(items.Select(objectives).ToArray()).Select(i => items[i]).ToArray();
}
