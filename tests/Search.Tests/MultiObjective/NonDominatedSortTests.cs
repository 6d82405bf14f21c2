using CsCheck;
using Search.MultiObjective;

namespace Search.Tests.MultiObjective;

public class NonDominatedSortTests
{
    private static readonly double[][] Set =
    [
        [1, 5], [2, 3], [3, 1], // the front
        [2, 4],                 // dominated by (2, 3)
        [4, 4],                 // dominated by (2, 4) and others
        [5, 5],                 // dominated by everything above
    ];

    [Fact]
    public void Splits_a_hand_made_set_into_its_fronts()
    {
        var fronts = NonDominatedSort.Fronts(Set);
        Assert.Equal([[0, 1, 2], [3], [4], [5]], fronts.Select(f => f.ToArray()).ToArray());
        Assert.Equal([0, 0, 0, 1, 2, 3], NonDominatedSort.Ranks(Set));
    }

    [Fact]
    public void Duplicates_share_a_front_and_infinite_points_come_last()
    {
        double inf = double.PositiveInfinity;
        double[][] points = [[inf, inf], [1, 1], [1, 1], [0, 2]];
        Assert.Equal([1, 0, 0, 0], NonDominatedSort.Ranks(points));
    }

    [Fact]
    public void Every_front_is_non_dominated_and_each_point_has_a_dominator_one_front_up()
    {
        var gen = Gen.Int[0, 5].Array[3].Array[1, 40];
        gen.Sample(raw =>
        {
            var points = raw.Select(p => p.Select(v => (double)v).ToArray()).ToArray();
            var fronts = NonDominatedSort.Fronts(points);
            Assert.Equal(points.Length, fronts.Sum(f => f.Length));
            for (int r = 0; r < fronts.Count; r++)
            {
                foreach (int i in fronts[r])
                {
                    Assert.DoesNotContain(fronts.Skip(r).SelectMany(f => f), j => Dominance.Dominates(points[j], points[i]));
                    if (r > 0) Assert.Contains(fronts[r - 1], j => Dominance.Dominates(points[j], points[i]));
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void Pareto_front_is_the_first_front()
    {
        Assert.Equal([0, 1, 2], ParetoFront.Indices(Set));
        Assert.Equal([Set[0], Set[1], Set[2]], ParetoFront.Of(Set, p => p));
    }
}
