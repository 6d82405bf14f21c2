using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Reinsertion;
using Search.Selection;
using Search.Strategies;
using Search.Tests.Problems;
using static Search.Tests.Strategies.GeneticRuns;

namespace Search.Tests.Strategies;

public class GeneticTests
{
    public static TheoryData<string> Selections => new(SelectionRegistry.Names);
    public static TheoryData<string> Reinsertions => new(ReinsertionRegistry.Names);

    [Theory]
    // 5000 evaluations, population 50, seeds 1-5: sphere-10 reaches 0.007-0.018 (random 13-19),
    // Rastrigin-10 2.3-6.4 (random 70-90). Without crossover and mutation the GA never beats its
    // first 50 random points (sphere 22-43, Rastrigin 79-133).
    [InlineData("sphere", 0.1, 100)]
    [InlineData("rastrigin", 12, 5)]
    public void Beats_random_search_at_the_same_budget_through_the_problem_driver(string name, double threshold, double factor)
    {
        IProblem problem = name == "sphere" ? new Sphere() : new Rastrigin();
        for (ulong seed = 1; seed <= 3; seed++)
        {
            double genetic = Best(Genetic(), problem, seed);
            double random = Best(new RandomSearch<RealVector>(), problem, seed);
            Assert.True(genetic < threshold && genetic * factor < random, $"seed {seed}: genetic {genetic:G3}, random {random:G3}");
        }
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void Every_selection_is_reachable_by_name_and_solves_sphere(string name)
    {
        var strategy = (GeneticAlgorithm<RealVector>)Genetic(("selection", name));
        Assert.Equal(name, strategy.Selection.Name);
        // The weakest (elite: the same 100 parents every time) reaches 0.03-0.3; random search 13-19.
        double best = Best(strategy, new Sphere(), seed: 2);
        Assert.True(best < 1, $"{name}: {best:G3}");
    }

    [Theory]
    [MemberData(nameof(Reinsertions))]
    public void Every_reinsertion_is_reachable_by_name_and_solves_sphere(string name)
    {
        var strategy = (GeneticAlgorithm<RealVector>)Genetic(("reinsertion", name));
        Assert.Equal(name, strategy.Reinsertion.Name);
        double best = Best(strategy, new Sphere(), seed: 3);
        Assert.True(best < 1, $"{name}: {best:G3}");
    }

    [Fact]
    public void Elitist_reinsertion_never_loses_the_best_and_uniform_does()
    {
        Assert.Equal(0, GenerationsThatLostTheBest(Genetic(("reinsertion", "elitist"), ("reinsertion.elites", 2))));
        Assert.True(GenerationsThatLostTheBest(Genetic(("reinsertion", "uniform"))) > 0);
    }

    // Counts the generations whose population lacks the best value told so far.
    private static int GenerationsThatLostTheBest(IStrategy<RealVector> strategy)
    {
        var h = StrategyHarness.Start(strategy, new Sphere(), 6);
        double best = double.PositiveInfinity;
        int lost = 0;
        for (int g = 0; g < 30; g++)
        {
            foreach (var genome in h.Ask(50))
            {
                h.Tell(genome);
                best = Math.Min(best, new Sphere().Evaluate(genome.Values)[0]);
            }
            if (strategy.Population.Min(p => p.Minimized[0]) > best) lost++;
        }
        return lost;
    }

    [Fact]
    public void Offspring_come_from_the_population_by_the_family_operators_only()
    {
        var family = new RecordingFamily(ProblemDriver.Family(new Sphere()));
        var strategy = new GeneticAlgorithm<RealVector>(new GeneticOptions(10, OffspringCount: 6, CrossoverProbability: 1, MutationProbability: 0));
        var context = new StrategyContext<RealVector>(family, ObjectiveSet.Minimize("f1"), new Rng(8));
        var h = new StrategyHarness(strategy, new Sphere(), context);
        h.Run(10, batch: 10);
        var children = h.Ask(100);
        Assert.Equal(6, children.Count);
        Assert.Equal(family.Children.Select(c => c.Text), children.Select(c => c.Text));
    }

    [Fact]
    public void A_family_without_crossover_only_mutates()
    {
        var family = new NoCrossoverFamily(ProblemDriver.Family(new Sphere()));
        var strategy = new GeneticAlgorithm<RealVector>(new GeneticOptions(8, CrossoverProbability: 1, MutationProbability: 1));
        var h = new StrategyHarness(strategy, new Sphere(), new StrategyContext<RealVector>(family, ObjectiveSet.Minimize("f1"), new Rng(9)));
        h.Run(40, batch: 8); // Crossover would throw
        Assert.Equal(32, family.Mutations);
    }

    [Fact]
    public void Pure_reinsertion_with_fewer_offspring_than_places_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Genetic(("reinsertion", "pure"), ("offspring", 20)));
        Assert.Equal(nameof(GeneticOptions.OffspringCount), e.ParamName);
    }

    private sealed class NoCrossoverFamily(RealVectorFamily inner) : IGenomeFamily<RealVector>
    {
        public int Mutations { get; private set; }
        public string Name => inner.Name;
        public bool SupportsCrossover => false;
        public RealVector Parse(string text) => inner.Parse(text);
        public RealVector Random(Rng rng) => inner.Random(rng);
        public RealVector Mutate(RealVector parent, Rng rng) { Mutations++; return inner.Mutate(parent, rng); }
        public RealVector Crossover(RealVector a, RealVector b, Rng rng) => throw new InvalidOperationException("no crossover here");
    }
}
