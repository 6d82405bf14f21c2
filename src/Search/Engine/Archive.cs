using Search.Core;

namespace Search.Engine;

/// <summary>Every evaluated proposal in proposal order, and the non-dominated front of the accepted ones.</summary>
public sealed class Archive<TGenome> where TGenome : IGenome
{
    private readonly List<ArchiveEntry> _entries = new();
    private readonly List<Individual<TGenome>> _front = new();

    public IReadOnlyList<ArchiveEntry> Entries => _entries;

    /// <summary>
    /// Accepted individuals no other accepted one dominates (minimised objectives), oldest first;
    /// of several with the same objective values only the first is kept.
    /// </summary>
    public IReadOnlyList<Individual<TGenome>> Front => _front;

    internal void Add(Individual<TGenome> individual)
    {
        _entries.Add(new ArchiveEntry(individual.Id, individual.Genome.Text, individual.Result));
        if (individual.IsFeasible) IncrementalFront.Insert(_front, individual, i => i.Minimized);
    }

    internal void Restore(IEnumerable<ArchiveEntry> entries, IEnumerable<Individual<TGenome>> front)
    {
        _entries.AddRange(entries);
        _front.AddRange(front);
    }
}
