using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Problems;
using Search.Strategies;
using Search.Tests.Problems;

namespace Search.Tests.Strategies;

public class RandomSearchTests
{
    [Fact]
    public void Registered_as_random_it_proposes_fresh_random_genomes_and_keeps_the_latest()
    {
        var strategy = StrategyRegistry.Create<RealVector>("random", Settings.Of(("population", 5)));
        var h = StrategyHarness.Start(strategy, new Sphere(), 3);
        h.Run(23, batch: 4);

        var expected = new Rng(3);
        var family = ProblemDriver.Family(new Sphere());
        Assert.Equal(Enumerable.Range(0, 23).Select(_ => family.Random(expected).Text), h.Proposed);
        Assert.Equal(h.Proposed.TakeLast(5), strategy.Population.Select(p => p.Genome.Text));
        Assert.Equal(4, strategy.Generation);
    }

    [Fact]
    public void Results_out_of_proposal_order_are_refused()
    {
        var h = StrategyHarness.Start(new RandomSearch<RealVector>(), new Sphere(), 3);
        var genomes = h.Ask(2);
        Assert.Throws<InvalidOperationException>(() => h.Tell(genomes[1]));
    }
}
