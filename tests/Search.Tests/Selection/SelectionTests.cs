using Search.Configuration;
using Search.Core;
using Search.Genomes.RealVector;
using Search.Selection;
using static Search.Tests.Make;

namespace Search.Tests.Selection;

public class SelectionTests
{
    // Scalar fitness (first objective, minimised): id 0 is best, id 3 worst, id 4 failed.
    private static readonly Individual<RealVector>[] Population =
        [Ind(2, 3, 0), Ind(0, 1, 9), Ind(3, 4, 0), Ind(1, 2, 5), Failed(4)];

    [Fact]
    public void Tournament_of_the_whole_population_always_picks_the_best()
    {
        var picks = new TournamentSelection<RealVector>(5).Select(Population, 50, new Rng(1));
        Assert.All(picks, p => Assert.Equal(0, p.Id));
    }

    [Fact]
    public void Binary_tournament_ranks_by_fitness_and_never_picks_a_failed_one_over_a_feasible()
    {
        var picks = new TournamentSelection<RealVector>(2).Select(Population, 2000, new Rng(2));
        Assert.DoesNotContain(picks, p => p.Id == 4);
        var counts = Counts(picks);
        Assert.True(counts[0] > counts[1] && counts[1] > counts[2] && counts[2] > counts.GetValueOrDefault(3));
    }

    [Fact]
    public void Roulette_favours_better_and_skips_failed()
    {
        var counts = Counts(new RouletteWheelSelection<RealVector>().Select(Population, 6000, new Rng(3)));
        Assert.False(counts.ContainsKey(4));
        // Weights are worst - score: 3, 2, 1, ~0 for ids 0..3.
        Assert.InRange(counts[0] / 6000.0, 0.45, 0.55);
        Assert.InRange(counts[1] / 6000.0, 0.28, 0.39);
        Assert.InRange(counts[2] / 6000.0, 0.12, 0.22);
        Assert.True(counts.GetValueOrDefault(3) < 10);
    }

    [Fact]
    public void Stochastic_universal_sampling_picks_each_within_one_of_its_expected_share()
    {
        var sus = new StochasticUniversalSamplingSelection<RealVector>();
        var rng = new Rng(13);
        for (int r = 0; r < 200; r++)
        {
            // Weights 3, 2, 1, ~0 of 6: of 12 picks, ids 0..2 get exactly 6, 4, 2 (pointers are 0.5 apart).
            var counts = Counts(sus.Select(Population, 12, rng));
            Assert.False(counts.ContainsKey(4));
            Assert.InRange(counts[0], 5, 7);
            Assert.InRange(counts[1], 3, 5);
            Assert.InRange(counts[2], 1, 3);
            Assert.True(counts.GetValueOrDefault(3) <= 1);
        }
        // Shuffled, so consecutive picks pair different individuals.
        Assert.NotEqual([0, 0, 0, 0, 0, 0], sus.Select(Population, 12, new Rng(14)).Take(6).Select(p => p.Id));
    }

    [Fact]
    public void Rank_weights_follow_position_not_scale()
    {
        Individual<RealVector>[] skewed = [Ind(0, 0), Ind(1, 1000), Ind(2, 1001), Failed(3)];
        var counts = Counts(new RankSelection<RealVector>().Select(skewed, 6000, new Rng(4)));
        Assert.False(counts.ContainsKey(3));
        Assert.InRange(counts[0] / 6000.0, 0.45, 0.55); // 3/6
        Assert.InRange(counts[1] / 6000.0, 0.28, 0.39); // 2/6
        Assert.InRange(counts[2] / 6000.0, 0.12, 0.22); // 1/6
    }

    [Fact]
    public void Truncation_draws_only_from_the_top_fraction()
    {
        var counts = Counts(new TruncationSelection<RealVector>(0.4).Select(Population, 1000, new Rng(5)));
        Assert.Equal([0, 1], counts.Keys.Order());
    }

    [Fact]
    public void Elite_is_the_best_in_order_and_repeats_when_asked_for_more()
    {
        var picks = new EliteSelection<RealVector>().Select(Population, 7, new Rng(6));
        Assert.Equal([0, 1, 2, 3, 4, 0, 1], picks.Select(p => p.Id));
    }

    [Fact]
    public void Weighted_scalarisation_changes_the_winner()
    {
        var byWeights = new EliteSelection<RealVector>(Scalarization.WeightedSum(0, 1)).Select(Population, 2, new Rng(7));
        Assert.Equal([2, 3], byWeights.Select(p => p.Id)); // second objective 0 for both, ties in population order
        Assert.Equal(double.PositiveInfinity, Scalarization.WeightedSum(1, 1).Of(Failed(9)));
    }

    [Fact]
    public void Crowded_tournament_prefers_the_dominating_and_then_the_less_crowded()
    {
        Individual<RealVector>[] pair = [Ind(0, 2, 2), Ind(1, 1, 1)];
        Assert.All(new CrowdedTournamentSelection<RealVector>().Select(pair, 50, new Rng(8)), p => Assert.Equal(1, p.Id));

        // One front: the middle point of three is crowded (finite distance), the ends are infinite.
        Individual<RealVector>[] front = [Ind(0, 0, 2), Ind(1, 1, 1), Ind(2, 2, 0)];
        var counts = Counts(new CrowdedTournamentSelection<RealVector>().Select(front, 3000, new Rng(9)));
        Assert.False(counts.ContainsKey(1)); // it loses to either end and the ends tie with each other
    }

    [Fact]
    public void Pareto_tournament_winners_come_only_from_the_front_of_the_sample()
    {
        // Front: ids 0, 1, 2; dominated: 3, 4; failed: 5.
        Individual<RealVector>[] population = [Ind(0, 0, 3), Ind(1, 1, 1), Ind(2, 3, 0), Ind(3, 2, 2), Ind(4, 4, 4), Failed(5)];
        var counts = Counts(new ParetoTournamentSelection<RealVector>(6).Select(population, 3000, new Rng(10)));
        Assert.Equal([0, 1, 2], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150)); // uniform over the front

        // With small samples every winner is still undominated within its own sample: never the failed one
        // unless the sample is all failed, which cannot happen with one failed member and samples of 2.
        var small = new ParetoTournamentSelection<RealVector>(2).Select(population, 2000, new Rng(11));
        Assert.DoesNotContain(small, p => p.Id == 5);
    }

    [Fact]
    public void Registry_builds_every_operator_by_name()
    {
        foreach (var name in SelectionRegistry.Names)
        {
            var selection = SelectionRegistry.Create<RealVector>(name, Settings.Of(("size", 3)));
            Assert.Equal(name, selection.Name);
            Assert.Equal(4, selection.Select(Population, 4, new Rng(12)).Count);
        }
        Assert.Throws<ArgumentException>(() => SelectionRegistry.Create<RealVector>("lottery"));
    }
}
