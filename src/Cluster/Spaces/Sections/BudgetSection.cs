using Cluster.Spaces.Yaml;

namespace Cluster.Spaces.Sections;

/// <summary>
/// The "budget" section: most evaluations (required) and an optional wall-time limit. It is not
/// part of the space fingerprint, so a finished run can be resumed with a larger budget.
/// </summary>
internal static class BudgetSection
{
    private static readonly string[] Keys = ["max_evaluations", "wall_time_seconds"];

    public static (long MaxEvaluations, TimeSpan? WallTime) Read(YamlSection top)
    {
        var s = YamlSection.Of(top.Source, top.Required("budget"), "budget", Keys, fingerprinted: false);
        s.Required("max_evaluations");
        long max = s.Long("max_evaluations", 0, 1, long.MaxValue);
        double? seconds = s.OptionalDouble("wall_time_seconds", 1, 1e9);
        return (max, seconds is { } v ? TimeSpan.FromSeconds(v) : null);
    }
}
