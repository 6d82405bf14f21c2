namespace Search.MultiObjective;

/// <summary>Deb's fast non-dominated sort, O(M N^2): splits points into fronts of equal rank.</summary>
public static class NonDominatedSort
{
    /// <summary>Fronts of point indices, best first; indices inside a front are ascending.</summary>
    public static IReadOnlyList<int[]> Fronts(IReadOnlyList<IReadOnlyList<double>> points)
    {
        int n = points.Count;
        var dominated = new List<int>[n];
        var dominatorCount = new int[n];
        var current = new List<int>();
        for (int p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (int q = 0; q < n; q++)
            {
                if (p == q) continue;
                if (Dominance.Dominates(points[p], points[q])) dominated[p].Add(q);
                else if (Dominance.Dominates(points[q], points[p])) dominatorCount[p]++;
            }
            if (dominatorCount[p] == 0) current.Add(p);
        }

        var fronts = new List<int[]>();
        while (current.Count > 0)
        {
            fronts.Add([.. current]);
            var next = new List<int>();
            foreach (int p in current)
                foreach (int q in dominated[p])
                    if (--dominatorCount[q] == 0) next.Add(q);
            next.Sort();
            current = next;
        }
        return fronts;
    }

    /// <summary>The rank (0 = non-dominated) of every point.</summary>
    public static int[] Ranks(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var ranks = new int[points.Count];
        var fronts = Fronts(points);
        for (int r = 0; r < fronts.Count; r++)
            foreach (int i in fronts[r]) ranks[i] = r;
        return ranks;
    }
}
