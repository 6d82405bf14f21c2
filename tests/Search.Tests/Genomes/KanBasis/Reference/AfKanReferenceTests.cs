using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>AF-KAN features by hand: comb(act(x' - s_i), act(e_i - x')) then divided by the L2 norm + 1e-8.</summary>
public class AfKanReferenceTests
{
    // G = 2, k = 1: s = -1/2, 0, 1/2 and e = s + 1. At x = 0.2, x' = 0.6:
    // x' - s = 1.1, 0.6, 0.1 and e - x' = -0.1, 0.4, 0.9.
    private static readonly double[] Left = [1.1, 0.6, 0.1];
    private static readonly double[] Right = [-0.1, 0.4, 0.9];

    private static double Silu(double v) => v / (1 + Math.Exp(-v));

    private static double[] Normalised(double[] raw)
    {
        double norm = Math.Sqrt(raw.Sum(v => v * v));
        return raw.Select(v => v / (norm + 1e-8)).ToArray();
    }

    [Fact]
    public void Silu_quad1_by_hand()
    {
        var raw = Left.Zip(Right, (a, b) => Math.Pow(Silu(a) * Silu(b), 2)).ToArray();
        var f = KanReference.Features(new AfKanBasis(AfActivation.Silu, AfCombination.Quad1, 2, 1), 0.2);
        Assert.Equal(Normalised(raw), f, (a, b) => Math.Abs(a - b) <= 1e-14);
        // The raw norm is only about 9e-3 here, so the +1e-8 shows: the norm is ||raw|| / (||raw|| + 1e-8).
        double rawNorm = Math.Sqrt(raw.Sum(v => v * v));
        Assert.Equal(rawNorm / (rawNorm + 1e-8), Math.Sqrt(f.Sum(v => v * v)), 14);
        Assert.Equal(1.0, Math.Sqrt(f.Sum(v => v * v)), 5);
    }

    [Fact]
    public void Relu_sum_by_hand()
    {
        // relu: 1.1 + 0, 0.6 + 0.4, 0.1 + 0.9; norm sqrt(3.21).
        var f = KanReference.Features(new AfKanBasis(AfActivation.Relu, AfCombination.Sum, 2, 1), 0.2);
        double n = Math.Sqrt(3.21) + 1e-8;
        double[] expected = [1.1 / n, 1.0 / n, 1.0 / n];
        Assert.Equal(expected, f, (a, b) => Math.Abs(a - b) <= 1e-14);
        Assert.Equal(1.0, Math.Sqrt(f.Sum(v => v * v)), 7);
    }

    [Fact]
    public void Every_pair_is_finite_and_unit_norm_on_the_default_grid()
    {
        foreach (var act in Enum.GetValues<AfActivation>())
            foreach (var comb in Enum.GetValues<AfCombination>())
                foreach (double x in new[] { -1.0, -0.37, 0.0, 0.5, 1.0, 7.0 })
                {
                    var f = KanReference.Features(new AfKanBasis(act, comb, 5, 3), x);
                    Assert.Equal(8, f.Length);
                    Assert.All(f, v => Assert.True(double.IsFinite(v)));
                    double norm = Math.Sqrt(f.Sum(v => v * v));
                    // The +1e-8 shrinks the norm by 1e-8 / ||raw||; raw features here are above 1e-4.
                    Assert.True(Math.Abs(norm - 1) <= 1e-4, $"{act} {comb} x={x}: norm {norm}");
                }
    }
}
