using MessagePack;

namespace Search.Strategies;

/// <summary>Everything <see cref="GeneticAlgorithm{TGenome}"/> holds, genomes by canonical text.</summary>
[MessagePackObject]
public sealed class GeneticState
{
    /// <summary>The population and the generation in flight, as NSGA-II saves them too.</summary>
    [Key(0)] public GenerationRecord Generations { get; set; } = new();
    [Key(1)] public long Evaluations { get; set; }
    /// <summary>The best minimised objectives after each completed generation, first generation first; termination replays it.</summary>
    [Key(2)] public double[][] BestByGeneration { get; set; } = [];
    [Key(3)] public long[] EvaluationsByGeneration { get; set; } = [];
    [Key(4)] public bool Terminated { get; set; }
    [Key(5)] public double[] Best { get; set; } = [];
}
