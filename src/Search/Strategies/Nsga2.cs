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
    private readonly GenerationBuffer<TGenome> _generations = new();

    public Nsga2(Nsga2Options? options = null)
    {
        Options = options ?? new Nsga2Options();
        Options.Validate();
    }

    public Nsga2Options Options { get; }
    public string Name => "nsga2";
    public IReadOnlyList<Individual<TGenome>> Population => _generations.Population;
    public int Generation => _generations.Generation;

    public IReadOnlyList<TGenome> Propose(int max, StrategyContext<TGenome> context) =>
        _generations.Propose(max, () => OpenBatch(context));

    private List<TGenome> OpenBatch(StrategyContext<TGenome> context)
    {
        int n = Options.PopulationSize;
        return Population.Count == 0
            ? Enumerable.Range(0, n).Select(_ => context.Family.Random(context.Rng)).ToList()
            : Offspring(n, context);
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
        var parents = _selection.Select(Population, 2 * matings, rng);
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
        var parents = _selection.Select(Population, 2 * n, rng);
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
        if (_generations.Tell(individual))
            _generations.Advance(RankCrowdingReinsertion<TGenome>.Truncate([.. Population, .. _generations.Batch], Options.PopulationSize));
    }

    /// <summary>Migrants compete with the residents by rank and crowding; the worst leave.</summary>
    public void Immigrate(IReadOnlyList<Individual<TGenome>> migrants, StrategyContext<TGenome> context)
    {
        if (Population.Count == 0) return; // nothing to displace before generation 0 is in
        _generations.Replace(RankCrowdingReinsertion<TGenome>.Truncate([.. Population, .. migrants], Options.PopulationSize));
    }

    /// <summary>NSGA-II holds nothing beyond the generation, so its state is the buffer's record.</summary>
    public byte[] SaveState() => MessagePackSerializer.Serialize(_generations.Save());

    public void LoadState(byte[] state, StrategyContext<TGenome> context) =>
        _generations.Load(MessagePackSerializer.Deserialize<GenerationRecord>(state), context.Family);
}
