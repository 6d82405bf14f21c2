using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>T_n(tanh x) by the recurrence against numpy.polynomial.chebyshev.</summary>
public class ChebyshevReferenceTests
{
    [Fact]
    public void Features_match_numpy()
    {
        var basis = new ChebyshevBasis(8);
        foreach (var (x, expected) in ReferenceCsv.Read("chebyshev_tanh.csv"))
            Assert.Equal(expected, KanReference.Features(basis, x), (a, b) => Math.Abs(a - b) <= 1e-12);
    }

    [Theory]
    [InlineData(50.0)]
    [InlineData(-50.0)]
    [InlineData(1e300)]
    public void Saturated_inputs_give_finite_values_bounded_by_one(double x)
    {
        var f = KanReference.Features(new ChebyshevBasis(16), x);
        Assert.Equal(17, f.Length);
        Assert.All(f, v => Assert.True(double.IsFinite(v) && Math.Abs(v) <= 1, $"{v}"));
        // T_n(+-1) = (+-1)^n.
        for (int n = 0; n < f.Length; n++) Assert.Equal(Math.Pow(Math.Sign(x), n), f[n]);
    }

    [Fact]
    public void Degree_zero_is_the_constant()
    {
        Assert.Equal([1.0], KanReference.Features(new ChebyshevBasis(0), 0.3));
    }
}
