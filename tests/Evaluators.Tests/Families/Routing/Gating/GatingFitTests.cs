using System.Diagnostics;
using Evaluators.Families.Routing.Gating;
using Evaluators.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing.Gating;

/// <summary>The fitted model: its likelihood, gradients to every parameter, no leak, and recovery of the truth.</summary>
public class GatingFitTests
{
    public GatingFitTests() => TorchRuntime.EnsureReady(1);

    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Log_likelihood_matches_the_float64_density(GatingKind kind)
    {
        var truth = GatingSetups.Truth(kind);
        var (x, y) = GaussianMoeSampler.Sample(truth, 50, seed: 5);
        using var model = new GatedGaussianMoe(truth);
        using var scope = NewDisposeScope();
        var ll = model.LogLikelihood(tensor(x, float64).reshape(50, 1), tensor(y, float64)).data<double>().ToArray();
        for (int s = 0; s < 50; s++)
        {
            var xs = new[] { x[s] };
            var p = truth.Gate(xs);
            double density = 0;
            for (int i = 0; i < truth.K; i++)
            {
                double r = y[s] - truth.ExpertMean(i, xs);
                density += p[i] * Math.Exp(-r * r / (2 * truth.Nu[i])) / Math.Sqrt(2 * Math.PI * truth.Nu[i]);
            }
            Assert.Equal(Math.Log(density), ll[s], 10);
        }
        if (kind == GatingKind.SoftmaxTemperature) Assert.Equal(truth.Tau, model.ToParameters().Tau, 12);
        Assert.Equal(truth.Nu, model.ToParameters().Nu, (u, v) => Math.Abs(u - v) < 1e-12);
    }

    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Gradients_reach_every_parameter_and_no_tensor_is_left_live(GatingKind kind)
    {
        var start = GatedGaussianMoe.RandomStart(kind, 3, 2, seed: 1, yMean: 0, ySd: 1);
        using var model = new GatedGaussianMoe(start);
        var (x, y) = GaussianMoeSampler.Sample(start, 64, seed: 2);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var scope = NewDisposeScope())
        {
            model.NegativeLogLikelihood(tensor(x, float64).reshape(64, 2), tensor(y, float64)).backward();
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(kind == GatingKind.SoftmaxTemperature ? 6 : 5, names.Count);
        foreach (var (name, p) in model.named_parameters())
        {
            Assert.Equal(ScalarType.Float64, p.dtype);
            using var scope = NewDisposeScope();
            Assert.True(p.grad is { } g && g.abs().sum().item<double>() > 0, $"{name}: no gradient");
        }
    }

    [Theory]
    [MemberData(nameof(GatingSetups.Kinds), MemberType = typeof(GatingSetups))]
    public void Fitting_recovers_the_truth_at_large_n(GatingKind kind)
    {
        var clock = Stopwatch.StartNew();
        var truth = GatingSetups.Truth(kind);
        var (x, y) = GaussianMoeSampler.Sample(truth, 20_000, seed: 9);
        var options = new GatingFitOptions { Restarts = 3, ScreenSteps = 100, AdamSteps = 150, LbfgsSteps = 3 };
        var fit = GatingFit.Fit(kind, 2, x, y, seed: 9, options);
        var loss = VoronoiLoss.Compute(fit.Parameters, truth);
        Assert.True(loss.Total < 0.25, $"Voronoi loss {loss.Total:E3} (weights {loss.WeightTerm:E2}); fitted beta1 [{string.Join(", ", fit.Parameters.Beta1.Cast<double>().Select(v => v.ToString("F3")))}] beta0 [{string.Join(", ", fit.Parameters.Beta0.Select(v => v.ToString("F3")))}] a [{string.Join(", ", fit.Parameters.A.Cast<double>().Select(v => v.ToString("F3")))}] b [{string.Join(", ", fit.Parameters.B.Select(v => v.ToString("F3")))}] nu [{string.Join(", ", fit.Parameters.Nu.Select(v => v.ToString("F3")))}] nll {fit.NegativeLogLikelihood} after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal([1, 1], loss.CellSizes);
        using var model = new GatedGaussianMoe(truth);
        using var scope = NewDisposeScope();
        double trueNll = model.NegativeLogLikelihood(tensor(x, float64).reshape(x.Length, 1), tensor(y, float64)).item<double>();
        Assert.True(fit.NegativeLogLikelihood <= trueNll + 1e-6, $"fitted nll {fit.NegativeLogLikelihood} above the truth's {trueNll}");
        Assert.True(clock.Elapsed.TotalSeconds < 20, $"took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void The_same_seed_gives_the_same_fit()
    {
        var truth = GatingSetups.Truth(GatingKind.ActivationSoftmax);
        var (x, y) = GaussianMoeSampler.Sample(truth, 500, seed: 4);
        var options = new GatingFitOptions { Restarts = 2, ScreenSteps = 20, AdamSteps = 20, LbfgsSteps = 1 };
        var a = GatingFit.Fit(GatingKind.ActivationSoftmax, 3, x, y, seed: 4, options);
        var b = GatingFit.Fit(GatingKind.ActivationSoftmax, 3, x, y, seed: 4, options);
        Assert.Equal(a.NegativeLogLikelihood, b.NegativeLogLikelihood);
        Assert.Equal(a.Parameters.B, b.Parameters.B);
    }
}
