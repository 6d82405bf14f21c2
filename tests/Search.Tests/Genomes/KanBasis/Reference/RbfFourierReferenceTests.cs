using Search.Genomes.KanBasis;
using Search.Genomes.KanBasis.Reference;

namespace Search.Tests.Genomes.KanBasis.Reference;

/// <summary>Hand-computed RBF and Fourier features.</summary>
public class RbfFourierReferenceTests
{
    [Fact]
    public void Rbf_is_one_at_a_centre_and_falls_by_the_spacing()
    {
        // M = 5 over [-2, 2]: centres -2, -1, 0, 1, 2, spacing 1; width 1 gives h = 1.
        var f = KanReference.Features(new RbfBasis(5, 1, 2), -1.0);
        Assert.Equal(5, f.Length);
        Assert.Equal(1.0, f[1], 15);
        Assert.Equal(Math.Exp(-1), f[0], 15);
        Assert.Equal(Math.Exp(-1), f[2], 15);
        Assert.Equal(Math.Exp(-4), f[3], 15);
        Assert.Equal(Math.Exp(-9), f[4], 15);
    }

    [Fact]
    public void Rbf_width_is_in_centre_spacings()
    {
        // M = 8 over [-2, 2]: spacing 4/7; width 2 gives h = 8/7, so one spacing away is exp(-1/4)
        // and the far centre, 4 = 3.5 h away, exp(-12.25).
        var f = KanReference.Features(new RbfBasis(8, 2, 2), 2.0);
        Assert.Equal(1.0, f[7], 15);
        Assert.Equal(Math.Exp(-0.25), f[6], 14);
        Assert.Equal(Math.Exp(-49.0 / 4), f[0], 14);
    }

    [Fact]
    public void Rbf_with_one_centre_has_no_spacing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KanReference.Features(new RbfBasis(1, 1, 2), 0.0));
    }

    [Fact]
    public void Fourier_lists_cosines_then_sines()
    {
        double s3 = Math.Sqrt(3) / 2;
        var f = KanReference.Features(new FourierBasis(3), Math.PI / 3);
        double[] expected = [0.5, -0.5, -1, s3, s3, 0];
        Assert.Equal(expected, f, (a, b) => Math.Abs(a - b) <= 1e-15);
    }

    [Fact]
    public void Fourier_is_periodic()
    {
        var basis = new FourierBasis(4);
        Assert.Equal(KanReference.Features(basis, 0.7), KanReference.Features(basis, 0.7 + 2 * Math.PI), (a, b) => Math.Abs(a - b) <= 1e-14);
    }
}
