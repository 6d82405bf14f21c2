namespace Search.MultiObjective;

/// <summary>
/// Exact hypervolume (minimisation) dominated by a point set and bounded by a reference point:
/// a sweep in two dimensions, slicing along the last objective in three. Points that do not
/// strictly dominate the reference point contribute nothing.
/// </summary>
public static class Hypervolume
{
    public static double Of(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference) => reference.Count switch
    {
        1 => points.Where(p => p[0] < reference[0]).Select(p => reference[0] - p[0]).DefaultIfEmpty(0).Max(),
        2 => Of2D(Inside(points, reference), reference[0], reference[1]),
        3 => Of3D(Inside(points, reference), reference),
        _ => throw new NotSupportedException($"exact hypervolume is implemented for 1 to 3 objectives, not {reference.Count}"),
    };

    private static List<IReadOnlyList<double>> Inside(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var inside = new List<IReadOnlyList<double>>();
        foreach (var p in points)
        {
            bool ok = true;
            for (int m = 0; m < reference.Count && ok; m++) ok = p[m] < reference[m];
            if (ok) inside.Add(p);
        }
        return inside;
    }

    /// <summary>Sweep by the first objective: each point adds the strip its second objective improves.</summary>
    private static double Of2D(IEnumerable<IReadOnlyList<double>> points, double r0, double r1)
    {
        double volume = 0, bestY = r1;
        foreach (var p in points.OrderBy(p => p[0]).ThenBy(p => p[1]))
        {
            if (p[1] >= bestY) continue;
            volume += (r0 - p[0]) * (bestY - p[1]);
            bestY = p[1];
        }
        return volume;
    }

    /// <summary>Slices between consecutive third-objective values; each slice is a 2D area times its thickness.</summary>
    private static double Of3D(List<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        var byZ = points.OrderBy(p => p[2]).ToArray();
        double volume = 0;
        for (int i = 0; i < byZ.Length; i++)
        {
            double top = i + 1 < byZ.Length ? byZ[i + 1][2] : reference[2];
            double thickness = top - byZ[i][2];
            if (thickness <= 0) continue;
            volume += thickness * Of2D(byZ.Take(i + 1), reference[0], reference[1]);
        }
        return volume;
    }
}
