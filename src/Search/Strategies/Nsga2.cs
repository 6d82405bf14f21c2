using MessagePack;
using Search.Core;
using Search.Reinsertion;
using Search.Selection;
using Search.Variation;

namespace Search.Strategies;

/// <summary>
/// NSGA-II (Deb et al. 2002) in ask/tell form. Generation 0 is N random genomes; every later
/// generation is N children of crowded-tournament parents: two per mating pair where the family
/// implements <see cref="IPairCrossover{TGenome}"/> (Deb's original), otherwise one per pair.
/// Propose hands out the current batch and then returns nothing until all of it is told (the
/// generation barrier); the last Tell of a batch runs survival by rank and crowding over parents
/// and children. Failed candidates (+infinity) are dominated by every feasible one, so they sink
/// to the last front.
/// </summary>
public sealed class Nsga2<TGenome> : IStrategy<TGenome>, IMigrationTarget<TGenome> where TGenome : IGenome
{
    private readonly CrowdedTournamentSelection<TGenome> _selection = new();
    private List<Individual<TGenome>> _population = [];
    private List<TGenome> _pending = [];          // created for this batch, not yet proposed
    private List<Individual<TGenome>> _batch = []; // told results of this batch
    private ProposalLedger _ledger = new();
    private int _awaiting;                         // results of this batch still to come
    private int _generation;

    public Nsga2(Nsga2Options? options = null)
    {
        Options = options ?? new Nsga2Options();
        Options.Validate();
    }

    public Nsga2Options Options { get; }
    public string Name => "nsga2";
    public IReadOnlyList<Individual<TGenome>> Population => _population;
    public int Generation => _generation;

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        if (_awaiting == 0) OpenBatch(context);
        int take = Math.Min(max, _pending.Count);
        var proposals = _pending.GetRange(0, take);
        _pending.RemoveRange(0, take);
        foreach (var g in proposals) _ledger.Add(g.Text);
        return proposals;
    }

    private void OpenBatch(StrategyContext<TGenome> context)
    {
        int n = Options.PopulationSize;
        _pending = _population.Count == 0
            ? Enumerable.Range(0, n).Select(_ => context.Family.Random(context.Rng)).ToList()
            : Offspring(n, context);
        _awaiting = n;
    }

    private List<TGenome> Offspring(int n, StrategyContext<TGenome> context) =>
        context.Family is IPairCrossover<TGenome> pairs && context.Family.SupportsCrossover
            ? OffspringInPairs(n, pairs, context)
            : OffspringOnePerPair(n, context);

    /// <summary>Deb's variation: each mating pair gives both crossover children, each mutated on its own.</summary>
    private List<TGenome> OffspringInPairs(int n, IPairCrossover<TGenome> pairs, StrategyContext<TGenome> context)
    {
        var rng = context.Rng;
        int matings = (n + 1) / 2;
        var parents = _selection.Select(_population, 2 * matings, rng);
        var children = new List<TGenome>(2 * matings);
        for (int k = 0; k < matings; k++)
        {
            var (first, second) = (parents[2 * k].Genome, parents[2 * k + 1].Genome);
            if (rng.Chance(Options.CrossoverProbability)) (first, second) = pairs.CrossoverPair(first, second, rng);
            children.Add(MaybeMutate(first, context));
            children.Add(MaybeMutate(second, context));
        }
        // An odd population drops the last second child.
        return children.GetRange(0, n);
    }

    /// <summary>For families whose crossover gives one child: one child per mating pair.</summary>
    private List<TGenome> OffspringOnePerPair(int n, StrategyContext<TGenome> context)
    {
        var family = context.Family;
        var rng = context.Rng;
        var parents = _selection.Select(_population, 2 * n, rng);
        var children = new List<TGenome>(n);
        for (int k = 0; k < n; k++)
        {
            var child = parents[2 * k].Genome;
            if (family.SupportsCrossover && rng.Chance(Options.CrossoverProbability))
                child = family.Crossover(child, parents[2 * k + 1].Genome, rng);
            children.Add(MaybeMutate(child, context));
        }
        return children;
    }

    private TGenome MaybeMutate(TGenome genome, StrategyContext<TGenome> context) =>
        context.Rng.Chance(Options.MutationProbability) ? context.Family.Mutate(genome, context.Rng) : genome;

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        _ledger.Settle(individual);
        _batch.Add(individual);
        if (--_awaiting > 0) return;
        _population = [.. RankCrowdingReinsertion<TGenome>.Truncate([.. _population, .. _batch], Options.PopulationSize)];
        _batch = [];
        _generation++;
    }

    /// <summary>Migrants compete with the residents by rank and crowding; the worst leave.</summary>
    public void Immigrate(IReadOnlyList<Individual<TGenome>> migrants, StrategyContext<TGenome> context)
    {
        if (_population.Count == 0) return; // nothing to displace before generation 0 is in
        _population = [.. RankCrowdingReinsertion<TGenome>.Truncate([.. _population, .. migrants], Options.PopulationSize)];
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(new Nsga2State
    {
        Population = IndividualRecord.FromAll(_population),
        Pending = _pending.Select(g => g.Text).ToArray(),
        Batch = IndividualRecord.FromAll(_batch),
        Ledger = _ledger,
        Awaiting = _awaiting,
        Generation = _generation,
    });

    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<Nsga2State>(state);
        _population = IndividualRecord.ToAll(s.Population, context.Family);
        _pending = s.Pending.Select(context.Family.Parse).ToList();
        _batch = IndividualRecord.ToAll(s.Batch, context.Family);
        _ledger = s.Ledger;
        _awaiting = s.Awaiting;
        _generation = s.Generation;
    }
}

[MessagePackObject]
public sealed class Nsga2State
{
    [Key(0)] public IndividualRecord[] Population { get; set; } = [];
    [Key(1)] public string[] Pending { get; set; } = [];
    [Key(2)] public IndividualRecord[] Batch { get; set; } = [];
    [Key(3)] public ProposalLedger Ledger { get; set; } = new();
    [Key(4)] public int Awaiting { get; set; }
    [Key(5)] public int Generation { get; set; }
}
