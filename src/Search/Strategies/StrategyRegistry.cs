using Search.Configuration;
using Search.Core;
using Search.Reinsertion;
using Search.Selection;
using Search.Termination;

namespace Search.Strategies;

/// <summary>
/// Strategies by the names search-space files use. Settings (all optional):
/// aging / multitask-tournament: population, sample, crossover, weights (scalarisation, aging only);
/// nsga2: population, crossover, mutation;
/// islands: islands, migration_interval, migrants, inner (a strategy name), inner.* (its settings);
/// genetic: population, offspring, crossover, mutation, weights (scalarisation for selection and
/// reinsertion), selection / reinsertion / termination (names from their registries) and
/// selection.* / reinsertion.* / termination.* (their settings);
/// random: population (how many recent results it keeps for reports).
/// </summary>
public static class StrategyRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["aging", "nsga2", "multitask-tournament", "islands", "genetic", "random"];

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
            "genetic" => Genetic<TGenome>(settings),
            "random" => new RandomSearch<TGenome>(settings.Int("population", 100)),
            _ => throw new ArgumentException($"unknown strategy '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    private static AgingOptions Aging(Settings s) => new(
        s.Int("population", 100), s.Int("sample", 10), s.Double("crossover", 0.0),
        s.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : null);

    private static GeneticAlgorithm<TGenome> Genetic<TGenome>(Settings s) where TGenome : IGenome
    {
        var options = new GeneticOptions(s.Int("population", 100), s.Has("offspring") ? s.Int("offspring", 0) : null,
            s.Double("crossover", 0.75), s.Double("mutation", 1.0));
        var scalar = s.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : null;
        var selection = SelectionRegistry.Create<TGenome>(s.String("selection", "tournament"), s.Section("selection."), scalar);
        var reinsertion = ReinsertionRegistry.Create<TGenome>(s.String("reinsertion", "elitist"), s.Section("reinsertion."), scalar);
        return new GeneticAlgorithm<TGenome>(options, selection, reinsertion, Termination(s));
    }

    // Built once here so bad settings fail now, then afresh for the run with the objectives (for fitness).
    private static Func<ObjectiveSet, ITermination>? Termination(Settings s)
    {
        if (s.String("termination", "") is not { Length: > 0 } name) return null;
        TerminationRegistry.Create(name, s.Section("termination."));
        return objectives => TerminationRegistry.Create(name, s.Section("termination."), objectives: objectives);
    }

    private static Islands<TGenome> Islands<TGenome>(Settings s) where TGenome : IGenome
    {
        string inner = s.String("inner", "aging");
        if (inner == "islands") throw new ArgumentException("islands cannot nest islands");
        var innerSettings = s.Section("inner.");
        var options = new IslandOptions(s.Int("islands", 4), s.Int("migration_interval", 1000), s.Int("migrants", 5));
        return new Islands<TGenome>(() => Create<TGenome>(inner, innerSettings), options);
    }
}
