using Search.Strategies;

namespace Cluster.Spaces.Sections;

/// <summary>What each strategy's settings are (as <see cref="StrategyRegistry"/> reads them), for checking files with positions.</summary>
internal static class StrategyKeys
{
    public enum Kind { PositiveInt, NonNegativeInt, Probability, Weights, Strategy, Selection, Reinsertion, Termination }

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Kind>> Of = new Dictionary<string, IReadOnlyDictionary<string, Kind>>
    {
        ["aging"] = new Dictionary<string, Kind>
        {
            ["population"] = Kind.PositiveInt, ["sample"] = Kind.PositiveInt, ["crossover"] = Kind.Probability, ["weights"] = Kind.Weights,
        },
        ["multitask-tournament"] = new Dictionary<string, Kind>
        {
            ["population"] = Kind.PositiveInt, ["sample"] = Kind.PositiveInt, ["crossover"] = Kind.Probability,
        },
        ["nsga2"] = new Dictionary<string, Kind>
        {
            ["population"] = Kind.PositiveInt, ["crossover"] = Kind.Probability, ["mutation"] = Kind.Probability,
        },
        ["islands"] = new Dictionary<string, Kind>
        {
            ["islands"] = Kind.PositiveInt, ["migration_interval"] = Kind.PositiveInt, ["migrants"] = Kind.NonNegativeInt,
            ["inner"] = Kind.Strategy,
        },
        ["genetic"] = new Dictionary<string, Kind>
        {
            ["population"] = Kind.PositiveInt, ["offspring"] = Kind.PositiveInt, ["crossover"] = Kind.Probability,
            ["mutation"] = Kind.Probability, ["weights"] = Kind.Weights, ["selection"] = Kind.Selection,
            ["reinsertion"] = Kind.Reinsertion, ["termination"] = Kind.Termination,
        },
        ["random"] = new Dictionary<string, Kind> { ["population"] = Kind.PositiveInt },
    };

    /// <summary>Strategies that take migrants, so they can live on islands.</summary>
    public static readonly IReadOnlyList<string> OnIslands = ["aging", "nsga2", "multitask-tournament"];

    /// <summary>The key of an options record's constructor parameter, as named by its Validate errors.</summary>
    public static string? KeyOfParameter(string? parameter) => parameter switch
    {
        "PopulationSize" => "population",
        "SampleSize" => "sample",
        "CrossoverProbability" => "crossover",
        "MutationProbability" => "mutation",
        "OffspringCount" => "offspring",
        "Islands" => "islands",
        "MigrationInterval" => "migration_interval",
        "Migrants" => "migrants",
        _ => null,
    };
}
