using MessagePack;
using Search.Core;

namespace Search.Strategies;

/// <summary>
/// The baseline every search must beat: each proposal is a fresh random genome. Results do not
/// steer it; it keeps the last <see cref="PopulationSize"/> individuals only for reports.
/// </summary>
public sealed class RandomSearch<TGenome>(int populationSize = 100) : IStrategy<TGenome> where TGenome : IGenome
{
    private readonly Queue<Individual<TGenome>> _recent = new();
    private ProposalLedger _ledger = new();
    private long _told;

    public string Name => "random";
    public int PopulationSize { get; } = populationSize > 0 ? populationSize : throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "must be positive");
    public IReadOnlyList<Individual<TGenome>> Population => _recent.ToArray();
    public int Generation => (int)(_told / PopulationSize);

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        var genomes = new TGenome[max];
        for (int i = 0; i < max; i++)
        {
            genomes[i] = context.Family.Random(context.Rng);
            _ledger.Add(genomes[i].Text);
        }
        return genomes;
    }

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        _ledger.Settle(individual);
        _told++;
        _recent.Enqueue(individual);
        if (_recent.Count > PopulationSize) _recent.Dequeue();
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(new RandomSearchState
    {
        Recent = IndividualRecord.FromAll(_recent),
        Ledger = _ledger,
        Told = _told,
    });

    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<RandomSearchState>(state);
        _recent.Clear();
        foreach (var i in IndividualRecord.ToAll(s.Recent, context.Family)) _recent.Enqueue(i);
        (_ledger, _told) = (s.Ledger, s.Told);
    }
}
