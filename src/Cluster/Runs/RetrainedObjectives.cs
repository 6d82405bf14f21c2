namespace Cluster.Runs;

/// <summary>The check `search export` makes after retraining a member: its objectives against the run's.</summary>
public static class RetrainedObjectives
{
    /// <summary>
    /// Equal when every pair differs by at most <paramref name="tolerance"/> times max(1, |recorded|)
    /// (absolute for metrics in [0, 1] such as accuracies, relative for larger ones such as an RMSE in
    /// a target's units); NaN matches only NaN.
    /// </summary>
    public static ObjectivesMatch Compare(IReadOnlyList<double> retrained, IReadOnlyList<double> recorded, double tolerance)
    {
        if (retrained.SequenceEqual(recorded)) return ObjectivesMatch.Identical;
        if (retrained.Count != recorded.Count) return ObjectivesMatch.Different;
        for (int i = 0; i < retrained.Count; i++)
        {
            double a = retrained[i], b = recorded[i];
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                if (double.IsNaN(a) != double.IsNaN(b)) return ObjectivesMatch.Different;
            }
            else if (!(Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b)))) return ObjectivesMatch.Different;
        }
        return ObjectivesMatch.WithinTolerance;
    }
}
