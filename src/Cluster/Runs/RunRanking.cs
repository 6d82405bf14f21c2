using Cluster.Protocol;

namespace Cluster.Runs;

/// <summary>Orders a run's front for tables and export: best first on the first objective, ties by id.</summary>
public static class RunRanking
{
    /// <param name="minimizeFirst">Turns the first objective into a value to minimise (the space's direction); null keeps the order by id.</param>
    public static IReadOnlyList<FrontMember> Front(StatusReport status, Func<double, double>? minimizeFirst) => minimizeFirst is null
        ? status.Front.OrderBy(f => f.Id).ToArray()
        : status.Front.OrderBy(f => Key(f, minimizeFirst)).ThenBy(f => f.Id).ToArray();

    // A missing or NaN objective ranks last.
    private static double Key(FrontMember f, Func<double, double> minimizeFirst) =>
        f.Objectives.Length == 0 || double.IsNaN(f.Objectives[0]) ? double.PositiveInfinity : minimizeFirst(f.Objectives[0]);
}
