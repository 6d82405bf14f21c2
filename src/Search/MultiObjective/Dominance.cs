namespace Search.MultiObjective;

/// <summary>Pareto dominance on minimised objective vectors.</summary>
public static class Dominance
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        bool better = false;
        for (int m = 0; m < a.Count; m++)
        {
            if (a[m] > b[m]) return false;
            if (a[m] < b[m]) better = true;
        }
        return better;
    }
}
