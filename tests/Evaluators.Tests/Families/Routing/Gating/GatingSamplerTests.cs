using Evaluators.Families.Routing.Gating;

namespace Evaluators.Tests.Families.Routing.Gating;

/// <summary>The sampler draws from the stated mixture: E[y | x] per x bin, the mixture variance, seeding.</summary>
public class GatingSamplerTests
{
    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Bin_means_of_y_match_the_analytic_conditional_mean(GatingKind kind)
    {
        var truth = GatingSetups.Truth(kind);
        const int n = 200_000, bins = 10;
        var (x, y) = GaussianMoeSampler.Sample(truth, n, seed: 11);
        var sumY = new double[bins];
        var sumMean = new double[bins];
        var sumVar = new double[bins];
        var count = new int[bins];
        for (int s = 0; s < n; s++)
        {
            int bin = Math.Min(bins - 1, (int)((x[s] + 1) / 2 * bins));
            var xs = new[] { x[s] };
            var p = truth.Gate(xs);
            double mean = truth.ConditionalMean(xs);
            double second = 0;
            for (int i = 0; i < truth.K; i++) second += p[i] * (truth.Nu[i] + truth.ExpertMean(i, xs) * truth.ExpertMean(i, xs));
            sumY[bin] += y[s];
            sumMean[bin] += mean;
            sumVar[bin] += second - mean * mean;
            count[bin]++;
        }
        for (int b = 0; b < bins; b++)
        {
            Assert.True(count[b] > n / bins / 2, $"bin {b} has {count[b]} samples");
            double empirical = sumY[b] / count[b], analytic = sumMean[b] / count[b];
            double se = Math.Sqrt(sumVar[b] / count[b] / count[b]);
            Assert.True(Math.Abs(empirical - analytic) < 5 * se, $"bin {b}: empirical {empirical:F4}, analytic {analytic:F4}, se {se:F4}");
        }
    }

    [Fact]
    public void Inputs_are_uniform_in_the_range_and_the_same_seed_gives_the_same_sample()
    {
        var truth = GatingSetups.Truth(GatingKind.SoftmaxTemperature);
        var (x1, y1) = GaussianMoeSampler.Sample(truth, 1000, seed: 3, low: -2, high: 2);
        var (x2, y2) = GaussianMoeSampler.Sample(truth, 1000, seed: 3, low: -2, high: 2);
        var (_, y3) = GaussianMoeSampler.Sample(truth, 1000, seed: 4, low: -2, high: 2);
        Assert.Equal(x1, x2);
        Assert.Equal(y1, y2);
        Assert.NotEqual(y1, y3);
        Assert.All(x1, v => Assert.InRange(v, -2, 2));
        Assert.InRange(x1.Average(), -0.2, 0.2);
    }

    [Fact]
    public void The_gate_is_a_softmax_of_the_documented_logits()
    {
        var t = GatingSetups.Truth(GatingKind.SoftmaxTemperature);
        var a = GatingSetups.Truth(GatingKind.ActivationSoftmax);
        double x = 0.4;
        double lt0 = (2 * x + 0.3) / 1.5, lt1 = (-1 * x - 0.3) / 1.5;
        Assert.Equal(Math.Exp(lt0) / (Math.Exp(lt0) + Math.Exp(lt1)), t.Gate([x])[0], 12);
        double la0 = Math.Tanh(2 * x) + 0.3, la1 = Math.Tanh(-1 * x) - 0.3;
        Assert.Equal(Math.Exp(la0) / (Math.Exp(la0) + Math.Exp(la1)), a.Gate([x])[0], 12);
    }
}
