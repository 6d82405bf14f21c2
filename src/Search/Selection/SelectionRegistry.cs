using Search.Configuration;
using Search.Core;

namespace Search.Selection;

/// <summary>
/// Selection operators by name. Settings: tournament (size), truncation (fraction),
/// pareto-tournament (size). The scalar ones rank by <c>scalarization</c> when given,
/// else by "weights" ("1, 0.5") as a weighted sum, else by the first objective.
/// </summary>
public static class SelectionRegistry
{
    public static IReadOnlyList<string> Names { get; } =
        ["tournament", "roulette", "stochastic-universal-sampling", "rank", "truncation", "elite", "crowded-tournament",
            "pareto-tournament"];

    public static ISelection<TGenome> Create<TGenome>(string name, Settings? settings = null, Scalarization? scalarization = null)
        where TGenome : IGenome
    {
        settings ??= Settings.Empty;
        var scalar = scalarization ?? (settings.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : Scalarization.FirstObjective);
        return name switch
        {
            "tournament" => new TournamentSelection<TGenome>(settings.Int("size", 2), scalar),
            "roulette" => new RouletteWheelSelection<TGenome>(scalar),
            "stochastic-universal-sampling" => new StochasticUniversalSamplingSelection<TGenome>(scalar),
            "rank" => new RankSelection<TGenome>(scalar),
            "truncation" => new TruncationSelection<TGenome>(settings.Double("fraction", 0.5), scalar),
            "elite" => new EliteSelection<TGenome>(scalar),
            "crowded-tournament" => new CrowdedTournamentSelection<TGenome>(),
            "pareto-tournament" => new ParetoTournamentSelection<TGenome>(settings.Int("size", 10)),
            _ => throw new ArgumentException($"unknown selection '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
