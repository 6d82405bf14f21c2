using Search.Configuration;
using Search.Core;
using Search.Selection;

namespace Search.Strategies;

/// <summary>
/// Strategies by the names search-space files use. Settings (all optional):
/// aging / multitask-tournament: population, sample, crossover, weights (scalarisation, aging only);
/// nsga2: population, crossover, mutation;
/// islands: islands, migration_interval, migrants, inner (a strategy name), inner.* (its settings).
/// </summary>
public static class StrategyRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["aging", "nsga2", "multitask-tournament", "islands"];

    public static IStrategy<TGenome> Create<TGenome>(string name, Settings? settings = null) where TGenome : IGenome
    {
        settings ??= Settings.Empty;
        return name switch
        {
            "aging" => new AgingEvolution<TGenome>(Aging(settings)),
            "multitask-tournament" => new MultiTaskTournament<TGenome>(Aging(settings)),
            "nsga2" => new Nsga2<TGenome>(new Nsga2Options(
                settings.Int("population", 100), settings.Double("crossover", 1.0), settings.Double("mutation", 1.0))),
            "islands" => Islands<TGenome>(settings),
            _ => throw new ArgumentException($"unknown strategy '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    private static AgingOptions Aging(Settings s) => new(
        s.Int("population", 100), s.Int("sample", 10), s.Double("crossover", 0.0),
        s.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : null);

    private static Islands<TGenome> Islands<TGenome>(Settings s) where TGenome : IGenome
    {
        string inner = s.String("inner", "aging");
        if (inner == "islands") throw new ArgumentException("islands cannot nest islands");
        var innerSettings = s.Section("inner.");
        var options = new IslandOptions(s.Int("islands", 4), s.Int("migration_interval", 1000), s.Int("migrants", 5));
        return new Islands<TGenome>(() => Create<TGenome>(inner, innerSettings), options);
    }
}
