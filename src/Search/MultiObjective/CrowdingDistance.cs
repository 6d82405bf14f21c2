namespace Search.MultiObjective;

/// <summary>NSGA-II crowding distance: the normalised perimeter of the cuboid around each point of a front.</summary>
public static class CrowdingDistance
{
    /// <summary>
    /// Distances of the points of one front, in the order given. The extreme points of every
    /// objective get +infinity so the front's span is kept. An objective whose range is zero or
    /// not finite (failed candidates) adds nothing beyond the boundaries.
    /// </summary>
    public static double[] Of(IReadOnlyList<IReadOnlyList<double>> front)
    {
        int n = front.Count;
        var distance = new double[n];
        if (n == 0) return distance;
        if (n <= 2)
        {
            Array.Fill(distance, double.PositiveInfinity);
            return distance;
        }

        int objectives = front[0].Count;
        var order = new int[n];
        for (int m = 0; m < objectives; m++)
        {
            for (int i = 0; i < n; i++) order[i] = i;
            // Stable sort on the value keeps ties in input order, so results are deterministic.
            var sorted = order.OrderBy(i => front[i][m]).ToArray();
            double lo = front[sorted[0]][m], hi = front[sorted[n - 1]][m];
            distance[sorted[0]] = double.PositiveInfinity;
            distance[sorted[n - 1]] = double.PositiveInfinity;
            double range = hi - lo;
            if (!(range > 0) || double.IsInfinity(range)) continue;
            for (int k = 1; k < n - 1; k++)
                distance[sorted[k]] += (front[sorted[k + 1]][m] - front[sorted[k - 1]][m]) / range;
        }
        return distance;
    }

    /// <summary>Distances for every point, each computed within its own front (as NSGA-II ranks them).</summary>
    public static double[] PerFront(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<int[]> fronts)
    {
        var distance = new double[points.Count];
        foreach (var front in fronts)
        {
            var d = Of(front.Select(i => points[i]).ToArray());
            for (int k = 0; k < front.Length; k++) distance[front[k]] = d[k];
        }
        return distance;
    }
}
