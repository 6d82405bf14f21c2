using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>Cox-de Boor on the extended grid against SciPy's B-splines, and the clamp policy of the bspline features.</summary>
public class BSplineReferenceTests
{
    public static TheoryData<int, int> Grids()
    {
        var data = new TheoryData<int, int>();
        foreach (int g in new[] { 3, 5, 10 })
            foreach (int k in new[] { 1, 2, 3 }) data.Add(g, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Values_match_scipy_everywhere_including_outside_the_grid(int grid, int order)
    {
        var rows = ReferenceCsv.Read($"bspline_G{grid}_k{order}.csv");
        foreach (var (x, expected) in rows)
        {
            var actual = BSplines.Values(x, grid, order);
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < actual.Length; i++) Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12, $"x={x} B{i}: {actual[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Features_match_scipy_inside_and_the_boundary_row_outside(int grid, int order)
    {
        var basis = new BSplineBasis(grid, order);
        var rows = ReferenceCsv.Read($"bspline_G{grid}_k{order}.csv");
        foreach (var (x, expected) in rows.Where(r => Math.Abs(r.X) <= 1))
            Assert.Equal(expected, KanReference.Features(basis, x), (a, b) => Math.Abs(a - b) <= 1e-12);
        foreach (var (x, _) in rows.Where(r => Math.Abs(r.X) > 1))
            Assert.Equal(KanReference.Features(basis, Math.Sign(x)), KanReference.Features(basis, x));
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Partition_of_unity_and_non_negative_on_the_grid(int grid, int order)
    {
        var knots = BSplines.Knots(grid, order);
        var xs = Enumerable.Range(0, 2001).Select(i => -1.0 + i / 1000.0).Concat(knots.Where(t => Math.Abs(t) <= 1));
        foreach (double x in xs)
        {
            var b = BSplines.Values(x, grid, order);
            Assert.Equal(grid + order, b.Length);
            Assert.All(b, v => Assert.True(v >= 0, $"x={x}: negative value {v}"));
            Assert.True(Math.Abs(b.Sum() - 1) <= 1e-12, $"x={x}: sum {b.Sum()}");
        }
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Knots_extend_the_grid_by_order_each_side(int grid, int order)
    {
        var t = BSplines.Knots(grid, order);
        Assert.Equal(grid + 2 * order + 1, t.Length);
        Assert.Equal(-1.0, t[order], 12);
        Assert.Equal(1.0, t[grid + order], 12);
        Assert.Equal(2.0 / grid, t[1] - t[0], 12);
    }

    [Theory]
    [InlineData(1.5, 1.0)]
    [InlineData(1e6, 1.0)]
    [InlineData(-1.5, -1.0)]
    [InlineData(double.NegativeInfinity, -1.0)]
    public void Features_beyond_the_grid_are_those_at_its_boundary(double x, double boundary)
    {
        var basis = new BSplineBasis(5, 3);
        var at = KanReference.Features(basis, boundary);
        Assert.Equal(at, KanReference.Features(basis, x));
        Assert.True(Math.Abs(at.Sum() - 1) <= 1e-12);
        // Unclamped, the splines would be dropping off there.
        Assert.NotEqual(at, BSplines.Values(x, 5, 3));
    }
}
