using Search.Strategies;

namespace Cluster.Spaces.Sections;

/// <summary>What each strategy's settings are (as <see cref="StrategyRegistry"/> reads them), for checking files with positions.</summary>
internal static class StrategyKeys
{
    public enum Kind { PositiveInt, NonNegativeInt, Probability, Weights, Strategy }

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
    };

    /// <summary>The key of an options record's constructor parameter, as named by its Validate errors.</summary>
    public static string? KeyOfParameter(string? parameter) => parameter switch
    {
        "PopulationSize" => "population",
        "SampleSize" => "sample",
        "CrossoverProbability" => "crossover",
        "MutationProbability" => "mutation",
        "Islands" => "islands",
        "MigrationInterval" => "migration_interval",
        "Migrants" => "migrants",
        _ => null,
    };
}
