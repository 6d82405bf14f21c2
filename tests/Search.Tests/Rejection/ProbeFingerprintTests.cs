using CsCheck;
using Search.Rejection;

namespace Search.Tests.Rejection;

public class ProbeFingerprintTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
    private static ProbeFingerprint Fp(Func<double, double> f) => ProbeFingerprint.OfFunction(f);

    [Fact]
    public void Relu_written_differently_collides()
    {
        var a = Fp(x => Math.Max(x, 0));
        Assert.Equal(a, Fp(x => (x + Math.Abs(x)) / 2));
        Assert.Equal(a, Fp(x => x > 0 ? x : 0 * x)); // -0 for negative x
        Assert.True(a.IsFinite);
    }

    [Fact]
    public void Swish_written_differently_collides_but_a_slightly_different_slope_does_not()
    {
        var swish = Fp(x => x * Sigmoid(x));
        Assert.Equal(swish, Fp(x => x / (1 + Math.Exp(-x))));
        Assert.Equal(swish, Fp(x => x * (0.5 + 0.5 * Math.Tanh(x / 2))));
        Assert.NotEqual(swish, Fp(x => x * Sigmoid(1.001 * x)));
        Assert.NotEqual(swish, Fp(x => Math.Max(x, 0)));
    }

    [Fact]
    public void Non_finite_outputs_give_a_non_finite_fingerprint()
    {
        var nan = Fp(x => Math.Log(x));
        Assert.False(nan.IsFinite);
        Assert.Equal("non-finite", nan.ToString());
        Assert.False(Fp(x => 1 / x).IsFinite); // +inf at the zero probe
        Assert.Equal(ProbeFingerprint.NonFinite, Fp(x => x > 5 ? double.NaN : x));
    }

    [Fact]
    public void The_probe_set_is_32_points_in_range_with_zero_and_small_values()
    {
        var p = ProbeFingerprint.ScalarProbes;
        Assert.Equal(32, p.Count);
        Assert.Equal(32, p.Distinct().Count());
        Assert.All(p, x => Assert.InRange(x, -6, 6));
        Assert.Contains(0.0, p);
        Assert.Contains(p, x => x != 0 && Math.Abs(x) <= 0.01);
    }

    [Fact]
    public void A_relative_change_of_1e4_at_any_single_probe_never_collides()
    {
        Gen.Select(Gen.Double[-50, 50].Array[32], Gen.Int[0, 31], Gen.Bool).Sample((outputs, at, up) =>
        {
            // Magnitudes under 1e-12 count as zero by design, so move the changed value above that floor.
            if (Math.Abs(outputs[at]) < 1e-9) outputs[at] = 1e-3;
            var changed = (double[])outputs.Clone();
            changed[at] = outputs[at] * (up ? 1 + 1e-4 : 1 - 1e-4);
            Assert.NotEqual(ProbeFingerprint.Of(outputs), ProbeFingerprint.Of(changed));
        });
    }

    [Fact]
    public void Float_noise_of_two_ulps_collides()
    {
        // Straddling a rounding boundary has probability ~ 2 ulp / 2^-20 relative ~ 5e-10 per value.
        Gen.Double[-50, 50].Array[32].Sample(outputs =>
        {
            var noisy = outputs.Select(v => v * (1 + 4.4e-16)).ToArray();
            Assert.Equal(ProbeFingerprint.Of(outputs), ProbeFingerprint.Of(noisy));
        });
    }
}
