using Search.Configuration;
using Search.Core;

namespace Search.Selection;

/// <summary>
/// Selection operators by name. Settings: tournament (size), truncation (fraction),
/// pareto-tournament (size); the scalar ones take optional weights ("1, 0.5") for a weighted sum,
/// else they use the first objective.
/// </summary>
public static class SelectionRegistry
{
    public static IReadOnlyList<string> Names { get; } =
        ["tournament", "roulette", "rank", "truncation", "elite", "crowded-tournament", "pareto-tournament"];

    public static ISelection<TGenome> Create<TGenome>(string name, Settings? settings = null) where TGenome : IGenome
    {
        settings ??= Settings.Empty;
        return name switch
        {
            "tournament" => new TournamentSelection<TGenome>(settings.Int("size", 2), Scalar(settings)),
            "roulette" => new RouletteWheelSelection<TGenome>(Scalar(settings)),
            "rank" => new RankSelection<TGenome>(Scalar(settings)),
            "truncation" => new TruncationSelection<TGenome>(settings.Double("fraction", 0.5), Scalar(settings)),
            "elite" => new EliteSelection<TGenome>(Scalar(settings)),
            "crowded-tournament" => new CrowdedTournamentSelection<TGenome>(),
            "pareto-tournament" => new ParetoTournamentSelection<TGenome>(settings.Int("size", 10)),
            _ => throw new ArgumentException($"unknown selection '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    private static Scalarization Scalar(Settings s) =>
        s.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : Scalarization.FirstObjective;
}
