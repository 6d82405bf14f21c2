using MessagePack;
using Search.Core;
using Search.Reinsertion;
using Search.Selection;
using Search.Termination;

namespace Search.Strategies;

/// <summary>
/// A generational genetic algorithm in GeneticSharp's terms: generation 0 is a random population;
/// every later generation selects parents, breeds offspring with the family's crossover and
/// mutation, and forms the next population by reinsertion. Propose hands out a whole generation
/// and then waits for all of it (the generation barrier). After each completed generation the
/// termination, if any, is checked; once it is met the strategy proposes nothing more.
/// </summary>
public sealed class GeneticAlgorithm<TGenome> : IStrategy<TGenome> where TGenome : IGenome
{
    private readonly Func<ObjectiveSet, ITermination>? _createTermination;
    private ITermination? _termination;
    private List<Individual<TGenome>> _population = [];
    private List<TGenome> _pending = [];           // created for this generation, not yet proposed
    private List<Individual<TGenome>> _batch = [];  // told results of this generation
    private ProposalLedger _ledger = new();
    private ProgressTracker? _progress;
    private List<(long Evaluations, double[] Best)> _history = [];
    private int _awaiting, _generation;

    /// <param name="termination">Built once the objectives are known (fitness thresholds are in their direction).</param>
    public GeneticAlgorithm(GeneticOptions? options = null, ISelection<TGenome>? selection = null,
        IReinsertion<TGenome>? reinsertion = null, Func<ObjectiveSet, ITermination>? termination = null)
    {
        Options = options ?? new GeneticOptions();
        Options.Validate();
        Selection = selection ?? new TournamentSelection<TGenome>(2);
        Reinsertion = reinsertion ?? new ElitistReinsertion<TGenome>(1);
        if (Reinsertion is PureReinsertion<TGenome> && Options.Offspring < Options.PopulationSize)
            throw new ArgumentOutOfRangeException(nameof(GeneticOptions.OffspringCount), Options.Offspring,
                $"pure reinsertion needs at least as many offspring as the population ({Options.PopulationSize})");
        _createTermination = termination;
    }

    public GeneticOptions Options { get; }
    public ISelection<TGenome> Selection { get; }
    public IReinsertion<TGenome> Reinsertion { get; }
    public string Name => "genetic";
    public IReadOnlyList<Individual<TGenome>> Population => _population;
    public int Generation => _generation;

    /// <summary>The termination was met after the last completed generation: nothing more will be proposed.</summary>
    public bool Terminated { get; private set; }

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        Prepare(context);
        if (Terminated) return [];
        if (_awaiting == 0) OpenGeneration(context);
        int take = Math.Min(max, _pending.Count);
        var proposals = _pending.GetRange(0, take);
        _pending.RemoveRange(0, take);
        foreach (var g in proposals) _ledger.Add(g.Text);
        return proposals;
    }

    private void Prepare(StrategyContext<TGenome> context)
    {
        _progress ??= new ProgressTracker(context.Objectives.Count);
        _termination ??= _createTermination?.Invoke(context.Objectives);
    }

    private void OpenGeneration(StrategyContext<TGenome> context)
    {
        _pending = _population.Count == 0
            ? Enumerable.Range(0, Options.PopulationSize).Select(_ => context.Family.Random(context.Rng)).ToList()
            : Offspring(context);
        _awaiting = _pending.Count;
    }

    // Consecutive parents mate: 2k and 2k+1 give child k.
    private List<TGenome> Offspring(StrategyContext<TGenome> context)
    {
        var (family, rng) = (context.Family, context.Rng);
        var parents = Selection.Select(_population, 2 * Options.Offspring, rng);
        var children = new List<TGenome>(Options.Offspring);
        for (int k = 0; k < Options.Offspring; k++)
        {
            var child = parents[2 * k].Genome;
            if (family.SupportsCrossover && rng.Chance(Options.CrossoverProbability))
                child = family.Crossover(child, parents[2 * k + 1].Genome, rng);
            if (rng.Chance(Options.MutationProbability)) child = family.Mutate(child, rng);
            children.Add(child);
        }
        return children;
    }

    public void Tell(Individual<TGenome> individual, StrategyContext<TGenome> context)
    {
        Prepare(context);
        _ledger.Settle(individual);
        _progress!.Record(individual);
        _batch.Add(individual);
        if (--_awaiting > 0) return;
        _population = _population.Count == 0
            ? _batch
            : [.. Reinsertion.Reinsert(_population, _batch, Options.PopulationSize, context.Rng)];
        _batch = [];
        _generation++;
        _history.Add((_progress.Evaluations, [.. _progress.Best]));
        Terminated = IsMet(_history.Count - 1);
    }

    private bool IsMet(int generation) =>
        _termination?.IsMet(new SearchProgress(_history[generation].Evaluations, generation + 1, _history[generation].Best)) ?? false;

    public byte[] SaveState() => MessagePackSerializer.Serialize(new GeneticState
    {
        Population = IndividualRecord.FromAll(_population),
        Pending = _pending.Select(g => g.Text).ToArray(),
        Batch = IndividualRecord.FromAll(_batch),
        Ledger = _ledger,
        Awaiting = _awaiting,
        Generation = _generation,
        Evaluations = _progress?.Evaluations ?? 0,
        Best = _progress?.Best.ToArray() ?? [],
        BestByGeneration = _history.Select(h => h.Best).ToArray(),
        EvaluationsByGeneration = _history.Select(h => h.Evaluations).ToArray(),
        Terminated = Terminated,
    });

    /// <summary>
    /// Restores the state; the termination is rebuilt and fed every completed generation again, so
    /// stateful criteria (stagnation) continue where they were. A time limit starts afresh.
    /// </summary>
    public void LoadState(byte[] state, StrategyContext<TGenome> context)
    {
        var s = MessagePackSerializer.Deserialize<GeneticState>(state);
        _population = IndividualRecord.ToAll(s.Population, context.Family);
        _pending = s.Pending.Select(context.Family.Parse).ToList();
        _batch = IndividualRecord.ToAll(s.Batch, context.Family);
        (_ledger, _awaiting, _generation, Terminated) = (s.Ledger, s.Awaiting, s.Generation, s.Terminated);
        _progress = s.Best.Length == 0 ? null : ProgressTracker.Restore(s.Evaluations, s.Best);
        _history = s.EvaluationsByGeneration.Zip(s.BestByGeneration).ToList();
        _termination = null;
        Prepare(context);
        for (int g = 0; g < _history.Count; g++) IsMet(g);
    }
}
