namespace Search.MultiObjective;

/// <summary>NSGA-II's crowded-comparison operator: lower rank wins, then the larger crowding distance.</summary>
public static class CrowdedComparison
{
    /// <summary>Negative when a is better, positive when b is better, zero on a tie.</summary>
    public static int Compare(int rankA, double distanceA, int rankB, double distanceB)
    {
        if (rankA != rankB) return rankA < rankB ? -1 : 1;
        return distanceB.CompareTo(distanceA);
    }
}
