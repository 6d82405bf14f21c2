using CsCheck;
using Search.MultiObjective;

namespace Search.Tests.MultiObjective;

public class HypervolumeTests
{
    [Fact]
    public void Two_dimensional_staircase_by_hand()
    {
        // Strips of the staircase under (4, 4): 3*1 + 2*1 + 1*1.
        Assert.Equal(6, Hypervolume.Of([[1, 3], [2, 2], [3, 1]], [4, 4]), 12);
        // A dominated point and a point outside the reference box change nothing.
        Assert.Equal(6, Hypervolume.Of([[1, 3], [2, 2], [3, 1], [3, 3], [5, 0]], [4, 4]), 12);
        Assert.Equal(0, Hypervolume.Of([[4, 1]], [4, 4]));
    }

    [Fact]
    public void Three_dimensional_by_inclusion_exclusion()
    {
        Assert.Equal(1, Hypervolume.Of([[0, 0, 0]], [1, 1, 1]), 12);
        // Boxes 0.6^3 and 0.9*0.3*0.2, overlapping in 0.6*0.3*0.2.
        Assert.Equal(0.216 + 0.054 - 0.036, Hypervolume.Of([[0.5, 0.5, 0.5], [0.2, 0.8, 0.9]], [1.1, 1.1, 1.1]), 12);
        // Three boxes of volume 4 under (2, 2, 2), pairwise overlaps of 2, a common cube of 1: 12 - 6 + 1.
        Assert.Equal(7, Hypervolume.Of([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [2, 2, 2]), 12);
    }

    [Fact]
    public void Three_dimensional_does_not_depend_on_objective_order_and_reduces_to_two()
    {
        var gen = Gen.Double[0, 1].Array[3].Array[1, 30];
        gen.Sample(points =>
        {
            double[] reference = [1.1, 1.1, 1.1];
            double hv = Hypervolume.Of(points, reference);
            double permuted = Hypervolume.Of(points.Select(p => new[] { p[2], p[0], p[1] }).ToArray(), reference);
            Assert.Equal(hv, permuted, 9);
            double flat = Hypervolume.Of(points.Select(p => new[] { p[0], p[1], 0.0 }).ToArray(), reference);
            Assert.Equal(Hypervolume.Of(points.Select(p => new[] { p[0], p[1] }).ToArray(), [1.1, 1.1]) * 1.1, flat, 9);
        }, iter: 100);
    }

    [Fact]
    public void Igd_is_zero_on_the_front_itself_and_grows_with_distance()
    {
        double[][] front = [[0, 1], [0.5, 0.5], [1, 0]];
        Assert.Equal(0, InvertedGenerationalDistance.Of(front, front));
        Assert.Equal(0.1, InvertedGenerationalDistance.Of(front.Select(p => new[] { p[0], p[1] + 0.1 }).ToArray(), front), 12);
    }
}
