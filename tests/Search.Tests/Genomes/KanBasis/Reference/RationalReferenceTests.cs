using Search.Core;
using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>The KAT rational P(x)/Q(x): Q never below 1, identity at initialisation.</summary>
public class RationalReferenceTests
{
    [Fact]
    public void Hand_computed()
    {
        // P = 1 + 2x, Q = 1 + |-3||x|: at x = -2, P = -3 and Q = 7.
        Assert.Equal(-3.0 / 7, KanReference.Rational(-2, [1, 2], [-3]), 15);
        // P = x^2, Q = 1 + 0.5|x| + |-0.25| x^2: at x = 2, 4 / 3.
        Assert.Equal(4.0 / 3, KanReference.Rational(2, [0, 0, 1], [0.5, -0.25]), 15);
    }

    [Fact]
    public void Denominator_is_at_least_one_for_any_coefficients()
    {
        var rng = new Rng(7);
        for (int trial = 0; trial < 500; trial++)
        {
            var b = Enumerable.Range(0, rng.NextInt(1, 9)).Select(_ => rng.Uniform(-5, 5)).ToArray();
            double x = rng.Uniform(-10, 10);
            // With P = 1 the value is 1/Q, so Q >= 1 means a value in (0, 1].
            double inverse = KanReference.Rational(x, [1], b);
            Assert.True(inverse > 0 && inverse <= 1, $"x={x}: 1/Q = {inverse}");
        }
    }

    [Theory]
    [InlineData(5, 4)]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    public void Initial_coefficients_give_the_identity(int p, int q)
    {
        var basis = new RationalBasis(p, q, 8);
        Assert.Equal(p + 1, RationalFunction.InitialNumerator(basis).Length);
        Assert.Equal(q, RationalFunction.InitialDenominator(basis).Length);
        foreach (double x in new[] { -3.5, -1.0, 0.0, 0.25, 42.0 })
            Assert.Equal([x], KanReference.Features(basis, x));
    }
}
