using MessagePack;

namespace Search.Strategies;

/// <summary>What <see cref="GenerationBuffer{TGenome}"/> holds, genomes by canonical text.</summary>
/// <remarks>Keys 0-5 are the layout NSGA-II saved before the buffer existed, so its state bytes are unchanged.</remarks>
[MessagePackObject]
public sealed class GenerationRecord
{
    [Key(0)] public IndividualRecord[] Population { get; set; } = [];
    [Key(1)] public string[] Pending { get; set; } = [];
    [Key(2)] public IndividualRecord[] Batch { get; set; } = [];
    [Key(3)] public ProposalLedger Ledger { get; set; } = new();
    [Key(4)] public int Awaiting { get; set; }
    [Key(5)] public int Generation { get; set; }
}
