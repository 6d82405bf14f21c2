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
    private readonly GenerationBuffer<TGenome> _generations = new();
    private ProgressTracker? _progress;
    private List<(long Evaluations, double[] Best)> _history = [];

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
    public IReadOnlyList<Individual<TGenome>> Population => _generations.Population;
    public int Generation => _generations.Generation;

    /// <summary>The termination was met after the last completed generation: nothing more will be proposed.</summary>
    public bool Terminated { get; private set; }

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context)
    {
        Prepare(context);
        return Terminated ? [] : _generations.Propose(max, () => OpenGeneration(context));
    }

    private void Prepare(StrategyContext<TGenome> context)
    {
        _progress ??= new ProgressTracker(context.Objectives.Count);
        _termination ??= _createTermination?.Invoke(context.Objectives);
    }

    private List<TGenome> OpenGeneration(StrategyContext<TGenome> context) =>
        Population.Count == 0
            ? Enumerable.Range(0, Options.PopulationSize).Select(_ => context.Family.Random(context.Rng)).ToList()
            : Offspring(context);

    // Consecutive parents mate: 2k and 2k+1 give child k.
    private List<TGenome> Offspring(StrategyContext<TGenome> context)
    {
        var (family, rng) = (context.Family, context.Rng);
        var parents = Selection.Select(Population, 2 * Options.Offspring, rng);
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
        bool complete = _generations.Tell(individual); // settles first: a refused result is not recorded
        _progress!.Record(individual);
        if (!complete) return;
        var batch = _generations.Batch;
        _generations.Advance(Population.Count == 0 ? batch : Reinsertion.Reinsert(Population, batch, Options.PopulationSize, context.Rng));
        _history.Add((_progress.Evaluations, [.. _progress.Best]));
        Terminated = IsMet(_history.Count - 1);
    }

    private bool IsMet(int generation) =>
        _termination?.IsMet(new SearchProgress(_history[generation].Evaluations, generation + 1, _history[generation].Best)) ?? false;

    public byte[] SaveState() => MessagePackSerializer.Serialize(new GeneticState
    {
        Generations = _generations.Save(),
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
        _generations.Load(s.Generations, context.Family);
        Terminated = s.Terminated;
        _progress = s.Best.Length == 0 ? null : ProgressTracker.Restore(s.Evaluations, s.Best);
        _history = s.EvaluationsByGeneration.Zip(s.BestByGeneration).ToList();
        _termination = null;
        Prepare(context);
        for (int g = 0; g < _history.Count; g++) IsMet(g);
    }
}
