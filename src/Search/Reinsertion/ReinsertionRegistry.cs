using Search.Configuration;
using Search.Core;
using Search.Selection;

namespace Search.Reinsertion;

/// <summary>Reinsertion by name: elitist (elite, weights), fitness-based (weights), rank-crowding.</summary>
public static class ReinsertionRegistry
{
    public static IReadOnlyList<string> Names { get; } = ["elitist", "fitness-based", "rank-crowding"];

    public static IReinsertion<TGenome> Create<TGenome>(string name, Settings? settings = null) where TGenome : IGenome
    {
        settings ??= Settings.Empty;
        var scalar = settings.Doubles("weights") is { } w ? Scalarization.WeightedSum(w) : null;
        return name switch
        {
            "elitist" => new ElitistReinsertion<TGenome>(settings.Int("elite", 1), scalar),
            "fitness-based" => new FitnessBasedReinsertion<TGenome>(scalar),
            "rank-crowding" => new RankCrowdingReinsertion<TGenome>(),
            _ => throw new ArgumentException($"unknown reinsertion '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
        };
    }
}
