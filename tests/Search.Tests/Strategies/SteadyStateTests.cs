using Search.Core;
using Search.Genomes.RealVector;
using Search.MultiObjective;
using Search.Problems;
using Search.Strategies;

namespace Search.Tests.Strategies;

public class SteadyStateTests
{
    /// <summary>Real vectors whose mutation is the identity, so a child shows which parent won the tournament.</summary>
    private sealed class CloneFamily(RealVectorFamily inner) : IGenomeFamily<RealVector>
    {
        public string Name => inner.Name;
        public RealVector Parse(string text) => inner.Parse(text);
        public RealVector Random(Rng rng) => inner.Random(rng);
        public RealVector Mutate(RealVector parent, Rng rng) => parent;
        public bool SupportsCrossover => false;
        public RealVector Crossover(RealVector a, RealVector b, Rng rng) => a;
    }

    private static StrategyHarness Cloning(IStrategy<RealVector> strategy, IProblem problem, ulong seed)
    {
        var context = ProblemDriver.Context(problem, seed);
        return new StrategyHarness(strategy, problem, new StrategyContext<RealVector>(new CloneFamily((RealVectorFamily)context.Family), context.Objectives, context.Rng));
    }

    [Fact]
    public void Aging_waits_for_the_initial_population_then_removes_the_oldest()
    {
        var h = StrategyHarness.Start(new AgingEvolution<RealVector>(new AgingOptions(5, 2)), new Zdt1(), 1);
        var initial = h.Ask(10);
        Assert.Equal(5, initial.Count);
        Assert.Empty(h.Ask(1));
        foreach (var g in initial) h.Tell(g);
        Assert.Equal([0, 1, 2, 3, 4], h.Strategy.Population.Select(p => p.Id));

        h.Run(2, batch: 1);
        Assert.Equal([2, 3, 4, 5, 6], h.Strategy.Population.Select(p => p.Id));
        Assert.Equal(3, h.Ask(3).Count); // steady state: no barrier
    }

    [Fact]
    public void Aging_tournament_never_breeds_from_a_failed_member_when_a_feasible_one_is_sampled()
    {
        var h = Cloning(new AgingEvolution<RealVector>(new AgingOptions(4, 4)), new Zdt1(), 2);
        var initial = h.Ask(4);
        for (int i = 0; i < 4; i++) h.Tell(initial[i], fail: i != 2);
        var child = h.Ask(1)[0];
        Assert.Equal(initial[2].Text, child.Text); // sample = whole population: the only feasible one wins
    }

    [Fact]
    public void Multitask_tournament_breeds_only_from_the_pareto_front()
    {
        var problem = new Zdt1();
        var h = Cloning(new MultiTaskTournament<RealVector>(new AgingOptions(20, 20)), problem, 3);
        h.Run(20, batch: 20);
        var population = h.Strategy.Population;
        var front = ParetoFront.Of(population, p => p.Minimized).Select(p => p.Genome.Text).ToHashSet();
        Assert.True(front.Count < population.Count);
        var children = h.Ask(200).Select(c => c.Text).ToList();
        Assert.All(children, c => Assert.Contains(c, front));
        Assert.Equal(front.Count, children.Distinct().Count()); // winners are drawn from the whole front
    }

    [Fact]
    public void Islands_copy_their_best_to_the_next_island_at_each_migration()
    {
        var islands = new Islands<RealVector>(() => new AgingEvolution<RealVector>(new AgingOptions(10, 3)), new IslandOptions(2, MigrationInterval: 40, Migrants: 3));
        var h = StrategyHarness.Start(islands, new Zdt1(), 4);
        var seenOn = new[] { new HashSet<long>(), new HashSet<long>() };
        for (int step = 0; step < 39; step++)
        {
            h.Run(1, batch: 1);
            for (int i = 0; i < 2; i++) seenOn[i].UnionWith(islands.Members[i].Population.Select(p => p.Id));
        }
        Assert.Empty(seenOn[0].Intersect(seenOn[1])); // no migration yet: islands are disjoint
        var best0 = Search.Reinsertion.RankCrowdingReinsertion<RealVector>.Truncate(islands.Members[0].Population, 3).Select(p => p.Id).ToList();

        h.Run(1, batch: 1);
        Assert.Equal(1, islands.Migrations);
        var now1 = islands.Members[1].Population.Select(p => p.Id).ToHashSet();
        Assert.Contains(now1, id => seenOn[0].Contains(id));
        Assert.Contains(now1, id => best0.Contains(id) || !seenOn[1].Contains(id));
        Assert.Contains(islands.Members[0].Population, p => seenOn[1].Contains(p.Id)); // and the ring closes
    }

    [Fact]
    public void Islands_keep_proposing_while_one_island_waits_at_its_barrier()
    {
        var islands = new Islands<RealVector>(() => new Nsga2<RealVector>(new Nsga2Options(4)), new IslandOptions(2, 100, 1));
        var h = StrategyHarness.Start(islands, new Zdt1(), 5);
        var all = h.Ask(100);
        Assert.Equal(8, all.Count); // four from each island, then both wait
        Assert.Empty(h.Ask(1));
        foreach (var g in all) h.Tell(g);
        Assert.Equal(1, islands.Generation);
    }
}
