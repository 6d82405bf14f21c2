using Search.Core;

namespace Search.Strategies;

/// <summary>
/// The generation barrier shared by the generational strategies: a generation is opened only when
/// nothing of the last is awaited, handed out in pieces, and complete once every proposal is told.
/// The strategy decides what a generation contains and what the next population is.
/// </summary>
public sealed class GenerationBuffer<TGenome> where TGenome : IGenome
{
    private List<Individual<TGenome>> _population = [];
    private List<TGenome> _pending = [];           // created for this generation, not yet proposed
    private List<Individual<TGenome>> _batch = [];  // told results of this generation
    private ProposalLedger _ledger = new();
    private int _awaiting;                          // results of this generation still to come
    private int _generation;

    public IReadOnlyList<Individual<TGenome>> Population => _population;
    public IReadOnlyList<Individual<TGenome>> Batch => _batch;
    public int Generation => _generation;

    /// <summary>Hands out up to <paramref name="max"/> genomes, calling <paramref name="open"/> for a new generation when none is awaited.</summary>
    public IReadOnlyList<TGenome> Propose(int max, Func<List<TGenome>> open)
    {
        if (_awaiting == 0)
        {
            _pending = open();
            _awaiting = _pending.Count;
        }
        int take = Math.Min(max, _pending.Count);
        var proposals = _pending.GetRange(0, take);
        _pending.RemoveRange(0, take);
        foreach (var g in proposals) _ledger.Add(g.Text);
        return proposals;
    }

    /// <summary>Keeps a told result; true when it completes the generation, which the caller then ends with <see cref="Advance"/>.</summary>
    public bool Tell(Individual<TGenome> individual)
    {
        _ledger.Settle(individual);
        _batch.Add(individual);
        return --_awaiting == 0;
    }

    /// <summary>Ends a completed generation: <paramref name="next"/> becomes the population.</summary>
    public void Advance(IEnumerable<Individual<TGenome>> next)
    {
        Replace(next);
        _batch = [];
        _generation++;
    }

    /// <summary>Swaps the population between generations (migration) without counting a generation.</summary>
    public void Replace(IEnumerable<Individual<TGenome>> population) => _population = [.. population];

    public GenerationRecord Save() => new()
    {
        Population = IndividualRecord.FromAll(_population),
        Pending = _pending.Select(g => g.Text).ToArray(),
        Batch = IndividualRecord.FromAll(_batch),
        Ledger = _ledger,
        Awaiting = _awaiting,
        Generation = _generation,
    };

    public void Load(GenerationRecord record, IGenomeFamily<TGenome> family)
    {
        _population = IndividualRecord.ToAll(record.Population, family);
        _pending = record.Pending.Select(family.Parse).ToList();
        _batch = IndividualRecord.ToAll(record.Batch, family);
        (_ledger, _awaiting, _generation) = (record.Ledger, record.Awaiting, record.Generation);
    }
}
