using MessagePack;

namespace Search.Strategies;

/// <summary>What <see cref="RandomSearch{TGenome}"/> holds: the recent results, the proposals not yet told, the count.</summary>
[MessagePackObject]
public sealed class RandomSearchState
{
    [Key(0)] public IndividualRecord[] Recent { get; set; } = [];
    [Key(1)] public ProposalLedger Ledger { get; set; } = new();
    [Key(2)] public long Told { get; set; }
}
