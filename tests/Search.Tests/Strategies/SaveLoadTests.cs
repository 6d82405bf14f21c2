using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;

namespace Search.Tests.Strategies;

public class SaveLoadTests
{
    public static TheoryData<string> Strategies => new(StrategyRegistry.Names);

    private static IStrategy<RealVector> Create(string name) => StrategyRegistry.Create<RealVector>(name, Settings.Of(
        ("population", 12), ("sample", 4), ("inner", "nsga2"), ("inner.population", 8), ("islands", 3), ("migration_interval", 10), ("migrants", 2)));

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Save_then_load_in_a_fresh_object_continues_with_identical_proposals(string name)
    {
        var problem = new Zdt1();
        var original = StrategyHarness.Start(Create(name), problem, 42);
        original.Run(53, batch: 5);
        // Leave proposals outstanding across the save: they must be told after the load too.
        var outstanding = original.Ask(3);

        var restored = original.Restore(Create(name));
        foreach (var g in outstanding) { original.Tell(g); restored.Tell(g); }
        original.Proposed.Clear();
        original.Run(120, batch: 7);
        restored.Run(120, batch: 7);

        Assert.Equal(original.Proposed, restored.Proposed);
        Assert.Equal(original.Strategy.Population.Select(p => p.Genome.Text), restored.Strategy.Population.Select(p => p.Genome.Text));
        Assert.Equal(original.Strategy.Generation, restored.Strategy.Generation);
        Assert.Equal(original.Strategy.SaveState(), restored.Strategy.SaveState());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Same_seed_same_run_other_seed_other_run(string name)
    {
        var a = StrategyHarness.Start(Create(name), new Zdt1(), 1);
        var b = StrategyHarness.Start(Create(name), new Zdt1(), 1);
        var c = StrategyHarness.Start(Create(name), new Zdt1(), 2);
        foreach (var h in new[] { a, b, c }) h.Run(60, batch: 4);
        Assert.Equal(a.Proposed, b.Proposed);
        Assert.NotEqual(a.Proposed, c.Proposed);
    }

    [Fact]
    public void Results_out_of_proposal_order_are_refused()
    {
        var h = StrategyHarness.Start(new Nsga2<RealVector>(new Nsga2Options(4)), new Zdt1(), 3);
        var genomes = h.Ask(4);
        Assert.Throws<InvalidOperationException>(() => h.Tell(genomes[1]));
    }

    [Fact]
    public void Registry_knows_every_strategy_and_refuses_unknown_names()
    {
        foreach (var name in StrategyRegistry.Names) Assert.Equal(name, Create(name).Name);
        Assert.Throws<ArgumentException>(() => StrategyRegistry.Create<RealVector>("simulated-annealing"));
    }
}
