using Search.Configuration;

namespace Search.Termination;

/// <summary>
/// Termination criteria by name. Settings: evaluations (max), generations (max), wall-time
/// (seconds), stagnation (generations, tolerance), target (objective, value; minimised form).
/// any / all take "criteria" = "evaluations, wall-time" and each member's settings under its name,
/// e.g. "evaluations.max" = 25000.
/// </summary>
public static class TerminationRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["evaluations", "generations", "wall-time", "stagnation", "target", "any", "all"];

    public static ITermination Create(string name, Settings? settings = null, IClock? clock = null)
    {
        settings ??= Settings.Empty;
        return name switch
        {
            "evaluations" => new EvaluationCountTermination(settings.Long("max", Required(name, "max"))),
            "generations" => new GenerationCountTermination(settings.Int("max", (int)Required(name, "max"))),
            "wall-time" => new WallTimeTermination(TimeSpan.FromSeconds(settings.Double("seconds", Required(name, "seconds"))), clock ?? SystemClock.Instance),
            "stagnation" => new StagnationTermination(settings.Int("generations", 20), settings.Double("tolerance", 0)),
            "target" => new TargetReachedTermination(settings.Int("objective", 0), settings.Double("value", Required(name, "value"))),
            "any" => new AnyTermination(Members(settings, clock)),
            "all" => new AllTermination(Members(settings, clock)),
            _ => throw new ArgumentException($"unknown termination '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };

        long Required(string criterion, string key) =>
            settings.Has(key) ? 0 : throw new ArgumentException($"termination '{criterion}' needs the setting '{key}'");
    }

    private static ITermination[] Members(Settings settings, IClock? clock)
    {
        var names = settings.String("criteria", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new ArgumentException("any / all need 'criteria', e.g. \"evaluations, wall-time\"");
        return names.Select(n => Create(n, settings.Section(n + "."), clock)).ToArray();
    }
}
