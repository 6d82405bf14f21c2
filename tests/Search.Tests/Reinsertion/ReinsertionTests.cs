using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Reinsertion;
using static Search.Tests.Make;

namespace Search.Tests.Reinsertion;

public class ReinsertionTests
{
    [Fact]
    public void Elitist_keeps_the_best_parents_and_fills_with_the_best_offspring()
    {
        var parents = new[] { Ind(0, 5), Ind(1, 1), Ind(2, 3) };
        var offspring = new[] { Ind(10, 4), Ind(11, 9), Ind(12, 2) };
        var next = new ElitistReinsertion<RealVector>(1).Reinsert(parents, offspring, 3, new Rng(0));
        Assert.Equal([1, 12, 10], next.Select(p => p.Id));

        // Too few offspring: the next-best parents fill the gap.
        var filled = new ElitistReinsertion<RealVector>(1).Reinsert(parents, [Ind(10, 4)], 3, new Rng(0));
        Assert.Equal([1, 10, 2], filled.Select(p => p.Id));
    }

    [Fact]
    public void Fitness_based_keeps_the_best_of_both_with_failed_last()
    {
        var next = new FitnessBasedReinsertion<RealVector>().Reinsert([Ind(0, 5), Failed(1)], [Ind(10, 4), Ind(11, 6)], 3, new Rng(0));
        Assert.Equal([10, 0, 11], next.Select(p => p.Id));
    }

    [Fact]
    public void Pure_replaces_every_parent_and_refuses_too_few_offspring()
    {
        var parents = new[] { Ind(0, 0), Ind(1, 1) };
        var next = new PureReinsertion<RealVector>().Reinsert(parents, [Ind(10, 9), Ind(11, 8), Ind(12, 7)], 2, new Rng(0));
        Assert.Equal([10, 11], next.Select(p => p.Id));
        Assert.Throws<ArgumentException>(() => new PureReinsertion<RealVector>().Reinsert(parents, [Ind(10, 9)], 2, new Rng(0)));
    }

    [Fact]
    public void Uniform_ignores_fitness_and_fills_with_repeats_of_offspring()
    {
        var parents = new[] { Ind(0, 0) };
        var offspring = Enumerable.Range(10, 10).Select(i => Ind(i, 100 - i)).ToArray();
        var rng = new Rng(5);
        var counts = new int[10];
        for (int r = 0; r < 2000; r++)
        {
            var next = new UniformReinsertion<RealVector>().Reinsert(parents, offspring, 3, rng);
            Assert.Equal(3, next.Select(p => p.Id).Distinct().Count());
            foreach (var p in next) counts[p.Id - 10]++;
        }
        // Each offspring survives about 3/10 of the time whatever its objective (600 of 2000).
        Assert.All(counts, c => Assert.InRange(c, 480, 720));

        var filled = new UniformReinsertion<RealVector>().Reinsert(parents, [Ind(10, 1), Ind(11, 2)], 5, rng);
        Assert.Equal(5, filled.Count);
        Assert.All(filled, p => Assert.Contains(p.Id, new long[] { 10, 11 }));
    }

    [Fact]
    public void Rank_crowding_takes_whole_fronts_then_the_least_crowded()
    {
        // Front 0: four points on a line, front 1: one point, failed last.
        var parents = new[] { Ind(0, 0, 3), Ind(1, 1, 2), Ind(2, 2, 1), Ind(3, 3, 0) };
        var offspring = new[] { Ind(4, 3, 3), Failed(5) };
        var next = new RankCrowdingReinsertion<RealVector>().Reinsert(parents, offspring, 5, new Rng(0));
        Assert.Equal([0, 1, 2, 3, 4], next.Select(p => p.Id));

        // Cutting the first front to 3 keeps both ends (infinite distance) and one interior point.
        var cut = new RankCrowdingReinsertion<RealVector>().Reinsert(parents, offspring, 3, new Rng(0));
        Assert.Contains(cut, p => p.Id == 0);
        Assert.Contains(cut, p => p.Id == 3);
        Assert.Equal(3, cut.Count);
    }
}

public class ReinsertionRegistryTests
{
    [Fact]
    public void Builds_each_by_name()
    {
        foreach (var name in ReinsertionRegistry.Names)
            Assert.Equal(name, ReinsertionRegistry.Create<RealVector>(name).Name);
        Assert.Equal(2, ((ElitistReinsertion<RealVector>)ReinsertionRegistry.Create<RealVector>("elitist", Settings.Of(("elites", 2)))).EliteCount);
        Assert.Throws<ArgumentException>(() => ReinsertionRegistry.Create<RealVector>("random"));
        Assert.Equal(["elitist", "fitness-based", "pure", "uniform", "rank-crowding"], ReinsertionRegistry.Names);
    }
}
