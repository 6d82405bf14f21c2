namespace Search.Engine;

/// <summary>
/// Minimal non-dominated front maintenance on minimised objective vectors. Kept in one file so it
/// can be swapped for the shared multi-objective code.
/// </summary>
internal static class ParetoFront
{
    /// <summary>a dominates b: no worse everywhere and better somewhere (all objectives minimised).</summary>
    public static bool Dominates(double[] a, double[] b)
    {
        bool better = false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i]) return false;
            if (a[i] < b[i]) better = true;
        }
        return better;
    }

    /// <summary>a is no worse than b in every objective (dominates or equals).</summary>
    public static bool WeaklyDominates(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (a[i] > b[i]) return false;
        return true;
    }

    /// <summary>
    /// Adds <paramref name="candidate"/> unless a member dominates or equals it, removing members
    /// it dominates; members keep insertion order. An objective vector already on the front keeps
    /// its first holder, so ties (common once a search converges) cannot grow the front without bound.
    /// Returns whether it entered the front.
    /// </summary>
    public static bool Insert<T>(List<T> front, T candidate, Func<T, double[]> objectives)
    {
        var c = objectives(candidate);
        foreach (var m in front)
            if (WeaklyDominates(objectives(m), c)) return false;
        front.RemoveAll(m => Dominates(c, objectives(m)));
        front.Add(candidate);
        return true;
    }
}
