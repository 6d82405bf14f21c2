using MessagePack;
using Search.Core;

namespace Search.Strategies;

/// <summary>
/// The texts of proposals not yet told, oldest first. Tell must arrive in proposal order; a result
/// for anything else is a driver bug and is refused rather than silently corrupting the search.
/// </summary>
[MessagePackObject]
public sealed class ProposalLedger
{
    [Key(0)] public List<string> Outstanding { get; set; } = [];

    [IgnoreMember] public int Count => Outstanding.Count;

    public void Add(string text) => Outstanding.Add(text);

    public void Settle<TGenome>(Individual<TGenome> individual) where TGenome : IGenome
    {
        if (Outstanding.Count == 0)
            throw new InvalidOperationException($"told {individual.Genome.Text} but nothing is outstanding");
        if (Outstanding[0] != individual.Genome.Text)
            throw new InvalidOperationException($"results must come in proposal order: expected {Outstanding[0]}, got {individual.Genome.Text}");
        Outstanding.RemoveAt(0);
    }
}
