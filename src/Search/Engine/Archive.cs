using Search.Core;

namespace Search.Engine;

/// <summary>
/// Every evaluated proposal in proposal order, and the non-dominated front of the accepted ones.
/// Under multi-fidelity evaluation a candidate stands on the front with its result at the highest
/// rung it reached: a promotion's result replaces the candidate's lower-rung one and the front is
/// rebuilt.
/// </summary>
public sealed class Archive<TGenome> where TGenome : IGenome
{
    private readonly List<ArchiveEntry> _entries = new();
    private readonly List<Individual<TGenome>> _front = new();
    // Multi-fidelity runs only: each candidate's accepted result at its highest rung so far, by candidate id.
    private Dictionary<long, Individual<TGenome>>? _current;

    public IReadOnlyList<ArchiveEntry> Entries => _entries;

    /// <summary>
    /// Accepted individuals no other accepted one dominates (minimised objectives), oldest first;
    /// of several with the same objective values only the first is kept.
    /// </summary>
    public IReadOnlyList<Individual<TGenome>> Front => _front;

    /// <summary>A candidate's highest-rung accepted individual (multi-fidelity runs; null otherwise or when it has none).</summary>
    public Individual<TGenome>? CurrentOf(long candidate) => _current?.GetValueOrDefault(candidate);

    internal void TrackRungs() => _current ??= new();

    internal void Add(Individual<TGenome> individual, int rung = 0, long? origin = null)
    {
        _entries.Add(new ArchiveEntry(individual.Id, individual.Genome.Text, individual.Result, rung, origin));
        if (!individual.IsFeasible) return;
        if (_current is not null) _current[origin ?? individual.Id] = individual;
        if (rung == 0) IncrementalFront.Insert(_front, individual, i => i.Minimized);
        else RebuildFront();
    }

    // The front over every candidate's current result, inserted in proposal order as they arrived.
    private void RebuildFront()
    {
        _front.Clear();
        foreach (var i in _current!.Values.OrderBy(i => i.Id)) IncrementalFront.Insert(_front, i, x => x.Minimized);
    }

    internal void Restore(IEnumerable<ArchiveEntry> entries, IEnumerable<Individual<TGenome>> front, IEnumerable<(long Candidate, Individual<TGenome> Current)>? current = null)
    {
        _entries.AddRange(entries);
        _front.AddRange(front);
        if (current is not null)
            foreach (var (candidate, individual) in current) (_current ??= new())[candidate] = individual;
    }
}
