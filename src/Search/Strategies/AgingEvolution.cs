using MessagePack;
using Search.Core;
using Search.Selection;

namespace Search.Strategies;

/// <summary>
/// Regularized (aging) evolution, Real et al. 2019: a random initial population; then each child
/// is the mutation of a tournament winner, and every told result joins the population while the
/// oldest member leaves. Steady-state: once the initial population is told, Propose never waits.
/// Infeasible members score +infinity, so they only win tournaments made of infeasible members.
/// </summary>
public class AgingEvolution<TGenome> : IStrategy<TGenome>, IMigrationTarget<TGenome> where TGenome : IGenome
{
    private readonly ISelection<TGenome> _selection;
    private List<Individual<TGenome>> _population = []; // oldest first
    private ProposalLedger _ledger = new();
    private long _proposed, _told;

    public AgingEvolution(AgingOptions? options = null)
        : this(options ?? new AgingOptions(), o => new TournamentSelection<TGenome>(o.SampleSize, o.Scalarization)) { }

    protected AgingEvolution(AgingOptions options, Func<AgingOptions, ISelection<TGenome>> selection)
    {
        options.Validate();
        Options = options;
        _selection = selection(options);
    }

    public AgingOptions Options { get; }
    public virtual string Name => "aging";
    public IReadOnlyList<Individual<TGenome>> Population => _population;
    public int Generation => (int)(_told / Options.PopulationSize);

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        var proposals = new List<TGenome>();
        while (proposals.Count < max)
        {
            TGenome genome;
            if (_proposed < Options.PopulationSize) genome = context.Family.Random(context.Rng);
            else if (_told < Options.PopulationSize) break; // the initial population must be complete first
            else genome = Child(context);
            proposals.Add(genome);
            _ledger.Add(genome.Text);
            _proposed++;
        }
        return proposals;
    }

    private TGenome Child(StrategyContext<TGenome> context)
    {
        var family = context.Family;
        bool cross = family.SupportsCrossover && Options.CrossoverProbability > 0 && context.Rng.Chance(Options.CrossoverProbability);
        var parents = _selection.Select(_population, cross ? 2 : 1, context.Rng);
        var basis = cross ? family.Crossover(parents[0].Genome, parents[1].Genome, context.Rng) : parents[0].Genome;
        return family.Mutate(basis, context.Rng);
    }

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        _ledger.Settle(individual);
        _told++;
        Admit(individual);
    }

    public void Immigrate(IReadOnlyList<Individual<TGenome>> migrants, StrategyContext<TGenome> context)
    {
        foreach (var m in migrants) Admit(m);
    }

    private void Admit(Individual<TGenome> individual)
    {
        _population.Add(individual);
        if (_population.Count > Options.PopulationSize) _population.RemoveAt(0); // the oldest dies
    }

    public byte[] SaveState() => MessagePackSerializer.Serialize(new AgingState
    {
        Population = IndividualRecord.FromAll(_population),
        Ledger = _ledger,
        Proposed = _proposed,
        Told = _told,
    });

    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<AgingState>(state);
        _population = IndividualRecord.ToAll(s.Population, context.Family);
        _ledger = s.Ledger;
        _proposed = s.Proposed;
        _told = s.Told;
    }
}

[MessagePackObject]
public sealed class AgingState
{
    [Key(0)] public IndividualRecord[] Population { get; set; } = [];
    [Key(1)] public ProposalLedger Ledger { get; set; } = new();
    [Key(2)] public long Proposed { get; set; }
    [Key(3)] public long Told { get; set; }
}
