using CsCheck;
using Evaluators.Data.Synthetic;

namespace Evaluators.Tests.Data.Synthetic;

public class BesselTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.7651976866)]
    [InlineData(2.404825558, 0.0)]
    [InlineData(10.0, -0.2459357645)]
    [InlineData(-10.0, -0.2459357645)]
    [InlineData(5.520078110, 0.0)]
    [InlineData(20.0, 0.1670246643)]
    public void Known_values(double x, double expected) => Assert.Equal(expected, Bessel.J0(x), 9);

    /// <summary>J0(x) = (1/pi) * integral_0^pi cos(x sin t) dt; the trapezoid rule on this periodic integrand is exact to rounding.</summary>
    private static double ByIntegral(double x)
    {
        const int n = 400;
        double sum = 0;
        for (int k = 0; k < n; k++) sum += Math.Cos(x * Math.Sin(Math.PI * k / n));
        return sum / n;
    }

    [Fact]
    public void Agrees_with_the_integral_representation_over_the_task_range_and_beyond()
    {
        Gen.Double[-40, 40].Sample(x => Math.Abs(Bessel.J0(x) - ByIntegral(x)) < 1e-9, iter: 2000);
    }

    [Fact]
    public void Series_and_asymptotic_branches_meet_at_the_switch()
    {
        Assert.Equal(ByIntegral(12.0), Bessel.J0(12.0), 10);
        Assert.Equal(ByIntegral(12.000001), Bessel.J0(12.000001), 10);
        Assert.Equal(0, Bessel.J0(double.PositiveInfinity));
        Assert.True(double.IsNaN(Bessel.J0(double.NaN)));
    }
}
