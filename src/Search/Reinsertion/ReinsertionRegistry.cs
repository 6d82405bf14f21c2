using Search.Configuration;
using Search.Core;
using Search.Selection;

namespace Search.Reinsertion;

/// <summary>
/// Reinsertion by name: elitist (elites, default 1), fitness-based, pure, uniform, rank-crowding.
/// The scalar ones rank by <c>scalarization</c> when given, else by "weights" ("1, 0.5"),
/// else by the first objective.
/// </summary>
public static class ReinsertionRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["elitist", "fitness-based", "pure", "uniform", "rank-crowding"];

    public static IReinsertion<TGenome> Create<TGenome>(string name, Settings? settings = null, Scalarization? scalarization = null)
        where TGenome : IGenome
    {
        settings ??= Settings.Empty;
        scalarization ??= settings.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : null;
        return name switch
        {
            "elitist" => new ElitistReinsertion<TGenome>(settings.Int("elites", 1), scalarization),
            "fitness-based" => new FitnessBasedReinsertion<TGenome>(scalarization),
            "pure" => new PureReinsertion<TGenome>(),
            "uniform" => new UniformReinsertion<TGenome>(),
            "rank-crowding" => new RankCrowdingReinsertion<TGenome>(),
            _ => throw new ArgumentException($"unknown reinsertion '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
