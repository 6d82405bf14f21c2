using Evaluators.Families.KanBasis;
using Evaluators.Runtime;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.KanBasis;

/// <summary>
/// The closed-form (local window) B-spline and ReLU-KAN features against Cox-de Boor and the float64 reference:
/// values to 1e-12 on a sweep, at every knot and outside the grid; slopes against Cox-de Boor's autograd.
/// </summary>
public class KanClosedFormTests
{
    public KanClosedFormTests() => TorchRuntime.EnsureReady(1);

    public static TheoryData<int, int> Grids()
    {
        var data = new TheoryData<int, int>();
        foreach (int g in new[] { 1, 2, 3, 5, 7, 10 })
            foreach (int k in new[] { 1, 2, 3, 4, 5 }) data.Add(g, k);
        return data;
    }

    /// <summary>A sweep over [-1.5, 1.5], every knot (inside and outside [-1, 1]), their float neighbours, +-1, far outside.</summary>
    private static double[] Points(int grid, int order)
    {
        var knots = BSplines.Knots(grid, order);
        var relu = Enumerable.Range(-order, grid + order + 2).Select(i => 2.0 * i / grid - 1.0); // ReLU-KAN support ends
        return Enumerable.Range(0, 601).Select(i => -1.5 + i * 0.005)
            .Concat(knots).Concat(relu)
            .SelectMany(t => new[] { t, Math.BitDecrement(t), Math.BitIncrement(t) })
            .Concat([-1.0, 1.0, -1e3, 1e3, 0.0]).ToArray();
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Bspline_equals_cox_de_boor_and_the_reference(int grid, int order)
    {
        using var scope = NewDisposeScope();
        var xs = Points(grid, order);
        var f = new BSplineFeatures(grid, order).Compute(tensor(xs, dtype: float64).reshape(xs.Length, 1)).squeeze(1);
        var recursion = CoxDeBoor.Features(tensor(xs, dtype: float64).reshape(xs.Length, 1), grid, order).squeeze(1);
        Assert.True(f.sub(recursion).abs().max().item<double>() <= 1e-12, "closed form vs Cox-de Boor tensors");
        AssertReference(f, xs, x => KanReference.Features(new BSplineBasis(grid, order), x));
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Relu_kan_equals_the_reference(int grid, int order)
    {
        using var scope = NewDisposeScope();
        var xs = Points(grid, order);
        var f = new ReluKanFeatures(grid, order).Compute(tensor(xs, dtype: float64).reshape(xs.Length, 1)).squeeze(1);
        AssertReference(f, xs, x => KanReference.Features(new ReluKanBasis(grid, order), x));
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(4, 1)]
    [InlineData(3, 2)]
    [InlineData(2, 5)]
    public void Bspline_slopes_equal_cox_de_boor_autograd(int grid, int order)
    {
        using var scope = NewDisposeScope();
        // Off the knots (one-sided slopes at knots depend on which rounded side a knot falls), plus +-1 and outside.
        var rng = new Random(grid * 10 + order);
        var xs = Enumerable.Range(0, 300).Select(_ => rng.NextDouble() * 3 - 1.5).Concat([-1.0, 1.0, -2.0, 2.0]).ToArray();
        var weights = randn(xs.Length, grid + order, dtype: float64);
        Tensor Slope(Func<Tensor, Tensor> features)
        {
            var x = tensor(xs, dtype: float64).reshape(xs.Length, 1).requires_grad_(true);
            features(x).squeeze(1).mul(weights).sum().backward();
            return x.grad!.clone();
        }
        var closed = Slope(x => new BSplineFeatures(grid, order).Compute(x));
        var recursion = Slope(x => CoxDeBoor.Features(x, grid, order));
        Assert.True(closed.sub(recursion).abs().max().item<double>() <= 1e-10, $"max slope difference {closed.sub(recursion).abs().max().item<double>()}");
    }

    [Fact]
    public void Cubic_window_polynomials_are_the_uniform_cubic_b_spline_matrix()
    {
        double[,] expected =
        {
            { 1 / 6.0, 2 / 3.0, 1 / 6.0, 0 },
            { -1 / 2.0, 0, 1 / 2.0, 0 },
            { 1 / 2.0, -1, 1 / 2.0, 0 },
            { -1 / 6.0, 1 / 2.0, -1 / 2.0, 1 / 6.0 },
        };
        var actual = LocalPolynomials.BSpline(3);
        for (int d = 0; d < 4; d++)
            for (int m = 0; m < 4; m++) Assert.Equal(expected[d, m], actual[d, m], 1e-15);
    }

    [Fact]
    public void Float32_features_match_float64()
    {
        using var scope = NewDisposeScope();
        var x = linspace(-1.3, 1.3, 261, dtype: float64).reshape(87, 3);
        foreach (IKanFeatures features in new IKanFeatures[] { new BSplineFeatures(5, 3), new ReluKanFeatures(5, 3), new BSplineFeatures(7, 1) })
        {
            var f64 = features.Compute(x);
            var f32 = features.Compute(x.to(float32));
            Assert.Equal(ScalarType.Float32, f32.dtype);
            Assert.True(f32.to(float64).sub(f64).abs().max().item<double>() < 1e-6);
        }
    }

    private static void AssertReference(Tensor f, double[] xs, Func<double, double[]> reference)
    {
        var values = f.data<double>().ToArray();
        int c = (int)f.shape[1];
        for (int r = 0; r < xs.Length; r++)
        {
            var expected = reference(xs[r]);
            Assert.Equal(c, expected.Length);
            for (int i = 0; i < c; i++)
                Assert.True(Math.Abs(values[r * c + i] - expected[i]) <= 1e-12, $"x={xs[r]:R} feature {i}: {values[r * c + i]:R} vs {expected[i]:R}");
        }
    }
}
