using Search.MultiObjective;

namespace Search.Tests.MultiObjective;

public class CrowdingTests
{
    [Fact]
    public void Interior_points_sum_normalised_neighbour_gaps_and_boundaries_are_infinite()
    {
        double[][] front = [[0, 4], [1, 2], [2, 1], [4, 0]];
        var d = CrowdingDistance.Of(front);
        Assert.Equal(double.PositiveInfinity, d[0]);
        Assert.Equal(double.PositiveInfinity, d[3]);
        Assert.Equal(2.0 / 4 + 3.0 / 4, d[1], 12); // f1 neighbours 0 and 2, f2 neighbours 1 and 4
        Assert.Equal(3.0 / 4 + 2.0 / 4, d[2], 12); // f1 neighbours 1 and 4, f2 neighbours 0 and 2
    }

    [Fact]
    public void Small_fronts_are_all_boundary_and_degenerate_ranges_add_nothing()
    {
        Assert.All(CrowdingDistance.Of([[1, 2], [2, 1]]), d => Assert.Equal(double.PositiveInfinity, d));
        double inf = double.PositiveInfinity;
        var failed = CrowdingDistance.Of([[inf, inf], [inf, inf], [inf, inf]]);
        Assert.Equal(0, failed[1]);
        Assert.DoesNotContain(failed, double.IsNaN);
    }

    [Fact]
    public void Per_front_distances_are_computed_within_each_front()
    {
        double[][] points = [[0, 4], [5, 5], [1, 2], [2, 1], [4, 0]];
        var fronts = NonDominatedSort.Fronts(points);
        var d = CrowdingDistance.PerFront(points, fronts);
        Assert.Equal(1.25, d[2], 12);
        Assert.Equal(double.PositiveInfinity, d[1]); // alone in its front
    }

    [Fact]
    public void Crowded_comparison_prefers_lower_rank_then_larger_distance()
    {
        Assert.True(CrowdedComparison.Compare(0, 0.1, 1, double.PositiveInfinity) < 0);
        Assert.True(CrowdedComparison.Compare(2, 5, 1, 0) > 0);
        Assert.True(CrowdedComparison.Compare(1, 0.5, 1, 0.2) < 0);
        Assert.True(CrowdedComparison.Compare(1, 0.2, 1, 0.5) > 0);
        Assert.Equal(0, CrowdedComparison.Compare(1, 0.5, 1, 0.5));
    }
}
