using Search.MultiObjective;

namespace Search.Engine;

/// <summary>
/// Keeps a non-dominated front up to date one individual at a time (minimised objectives), so the
/// archive never re-sorts everything; dominance itself is the shared <see cref="Dominance"/>.
/// </summary>
internal static class IncrementalFront
{
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
        front.RemoveAll(m => Dominance.Dominates(c, objectives(m)));
        front.Add(candidate);
        return true;
    }
}
