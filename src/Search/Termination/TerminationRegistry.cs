using Search.Configuration;
using Search.Core;

namespace Search.Termination;

/// <summary>
/// Termination criteria by name. Settings: evaluations (max), generations (max), wall-time
/// (seconds), stagnation (generations, tolerance), fitness (objective index, default 0; value in the
/// objective's own direction when <c>objectives</c> are given, else in minimised form).
/// any / all take "criteria" = "evaluations, wall-time" and each member's settings under its name,
/// e.g. "evaluations.max" = 25000; each name once per level.
/// </summary>
public static class TerminationRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["evaluations", "generations", "wall-time", "stagnation", "fitness", "any", "all"];

    public static ITermination Create(string name, Settings? settings = null, IClock? clock = null, ObjectiveSet? objectives = null)
    {
        settings ??= Settings.Empty;
        return name switch
        {
            "evaluations" => new EvaluationCountTermination(settings.Long("max", Required(name, "max"))),
            "generations" => new GenerationCountTermination(settings.Int("max", (int)Required(name, "max"))),
            "wall-time" => new WallTimeTermination(TimeSpan.FromSeconds(settings.Double("seconds", Required(name, "seconds"))), clock ?? SystemClock.Instance),
            "stagnation" => new StagnationTermination(settings.Int("generations", 20), settings.Double("tolerance", 0)),
            "fitness" => Fitness(settings.Int("objective", 0), settings.Double("value", Required(name, "value")), objectives),
            "any" => new AnyTermination(Members(settings, clock, objectives)),
            "all" => new AllTermination(Members(settings, clock, objectives)),
            _ => throw new ArgumentException($"unknown termination '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };

        long Required(string criterion, string key) =>
            settings.Has(key) ? 0 : throw new ArgumentException($"termination '{criterion}' needs the setting '{key}'");
    }

    private static TargetReachedTermination Fitness(int objective, double value, ObjectiveSet? objectives)
    {
        int count = objectives?.Count ?? int.MaxValue;
        if (objective < 0 || objective >= count)
            throw new ArgumentOutOfRangeException(nameof(objective), objective, $"must be an objective index below {count}");
        return new TargetReachedTermination(objective, objectives is null ? value : objectives.Items[objective].ToMinimized(value));
    }

    private static ITermination[] Members(Settings settings, IClock? clock, ObjectiveSet? objectives)
    {
        var names = settings.String("criteria", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new ArgumentException("any / all need 'criteria', e.g. \"evaluations, wall-time\"");
        if (names.Distinct().Count() != names.Length) throw new ArgumentException($"any / all name each criterion once: {string.Join(", ", names)}");
        return names.Select(n => Create(n, settings.Section(n + "."), clock, objectives)).ToArray();
    }
}
