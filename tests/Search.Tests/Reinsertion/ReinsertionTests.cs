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
        var next = new ElitistReinsertion<RealVector>(1).Reinsert(parents, offspring, 3);
        Assert.Equal([1, 12, 10], next.Select(p => p.Id));

        // Too few offspring: the next-best parents fill the gap.
        var filled = new ElitistReinsertion<RealVector>(1).Reinsert(parents, [Ind(10, 4)], 3);
        Assert.Equal([1, 10, 2], filled.Select(p => p.Id));
    }

    [Fact]
    public void Fitness_based_keeps_the_best_of_both_with_failed_last()
    {
        var next = new FitnessBasedReinsertion<RealVector>().Reinsert([Ind(0, 5), Failed(1)], [Ind(10, 4), Ind(11, 6)], 3);
        Assert.Equal([10, 0, 11], next.Select(p => p.Id));
    }

    [Fact]
    public void Rank_crowding_takes_whole_fronts_then_the_least_crowded()
    {
        // Front 0: four points on a line, front 1: one point, failed last.
        var parents = new[] { Ind(0, 0, 3), Ind(1, 1, 2), Ind(2, 2, 1), Ind(3, 3, 0) };
        var offspring = new[] { Ind(4, 3, 3), Failed(5) };
        var next = new RankCrowdingReinsertion<RealVector>().Reinsert(parents, offspring, 5);
        Assert.Equal([0, 1, 2, 3, 4], next.Select(p => p.Id));

        // Cutting the first front to 3 keeps both ends (infinite distance) and one interior point.
        var cut = new RankCrowdingReinsertion<RealVector>().Reinsert(parents, offspring, 3);
        Assert.Contains(cut, p => p.Id == 0);
        Assert.Contains(cut, p => p.Id == 3);
        Assert.Equal(3, cut.Count);
    }
}
