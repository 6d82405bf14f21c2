using MessagePack;

namespace Search.Strategies;

/// <summary>Everything <see cref="GeneticAlgorithm{TGenome}"/> holds, genomes by canonical text.</summary>
[MessagePackObject]
public sealed class GeneticState
{
    [Key(0)] public IndividualRecord[] Population { get; set; } = [];
    [Key(1)] public string[] Pending { get; set; } = [];
    [Key(2)] public IndividualRecord[] Batch { get; set; } = [];
    [Key(3)] public ProposalLedger Ledger { get; set; } = new();
    [Key(4)] public int Awaiting { get; set; }
    [Key(5)] public int Generation { get; set; }
    [Key(6)] public long Evaluations { get; set; }
    /// <summary>The best minimised objectives after each completed generation, first generation first; termination replays it.</summary>
    [Key(7)] public double[][] BestByGeneration { get; set; } = [];
    [Key(8)] public long[] EvaluationsByGeneration { get; set; } = [];
    [Key(9)] public bool Terminated { get; set; }
    [Key(10)] public double[] Best { get; set; } = [];
}
