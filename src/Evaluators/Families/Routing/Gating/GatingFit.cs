using Evaluators.Training.Lbfgs;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Families.Routing.Gating;

/// <summary>
/// Settings of one maximum-likelihood fit. Every count is fixed, so the run time is bounded by the
/// sample size: <see cref="Restarts"/> seeded starts get <see cref="ScreenSteps"/> full-batch Adam steps each on
/// the first <see cref="ScreenSamples"/> samples (all of them when n is smaller), the one with the best likelihood
/// there gets <see cref="AdamSteps"/> more on the whole sample, then <see cref="LbfgsSteps"/> L-BFGS
/// steps of <see cref="LbfgsIterations"/> iterations each (strong Wolfe).
/// </summary>
public sealed record GatingFitOptions
{
    public int Restarts { get; init; } = 4;
    public int ScreenSteps { get; init; } = 150;
    public int ScreenSamples { get; init; } = 3000;
    public int AdamSteps { get; init; } = 250;
    public double LearningRate { get; init; } = 0.05;
    public int LbfgsSteps { get; init; } = 5;
    public int LbfgsIterations { get; init; } = 20;
}

/// <summary>The fitted parameters and their mean negative log-likelihood on the training sample.</summary>
public sealed record GatingFitResult(GaussianMoeParameters Parameters, double NegativeLogLikelihood, int Restart);

/// <summary>Maximum-likelihood fit of a k-expert <see cref="GatedGaussianMoe"/> to (x, y), full batch, float64.</summary>
public static class GatingFit
{
    public static GatingFitResult Fit(GatingKind kind, int k, double[] x, double[] y, int seed, GatingFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        options ??= new GatingFitOptions();
        if (options.Restarts < 1) throw new ArgumentException($"restarts = {options.Restarts}: expected at least 1");
        int n = y.Length;
        if (n < 1 || x.Length % n != 0) throw new ArgumentException($"x has {x.Length} values for {n} samples");
        int d = x.Length / n;
        double yMean = y.Average(), ySd = Math.Sqrt(y.Sum(v => (v - yMean) * (v - yMean)) / n);

        using var data = NewDisposeScope();
        var xs = tensor(x, float64).reshape(n, d);
        var ys = tensor(y, float64);
        int m = Math.Clamp(options.ScreenSamples, 1, n);
        var screenX = m == n ? xs : xs.narrow(0, 0, m);
        var screenY = m == n ? ys : ys.narrow(0, 0, m);

        GatedGaussianMoe? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestRestart = -1;
        for (int r = 0; r < options.Restarts; r++)
        {
            var start = GatedGaussianMoe.RandomStart(kind, k, d, unchecked(seed * 1_000_003 + r * 7919 + 17), yMean, ySd);
            var model = new GatedGaussianMoe(start);
            double loss = Adam(model, screenX, screenY, options.ScreenSteps, options.LearningRate);
            if (loss < bestLoss || best is null)
            {
                best?.Dispose();
                (best, bestLoss, bestRestart) = (model, loss, r);
            }
            else model.Dispose();
        }
        using var chosen = best!;
        double final = Adam(chosen, xs, ys, options.AdamSteps, options.LearningRate);
        if (options.LbfgsSteps > 0)
        {
            var lbfgs = new LbfgsOptimizer(chosen.parameters(), new LbfgsOptions { MaxIterations = options.LbfgsIterations });
            for (int s = 0; s < options.LbfgsSteps; s++) lbfgs.Step(() => LossAndBackward(chosen, xs, ys));
            final = Evaluate(chosen, xs, ys);
        }
        if (!double.IsFinite(final)) final = double.PositiveInfinity;
        return new GatingFitResult(chosen.ToParameters(), final, bestRestart);
    }

    /// <summary>Full-batch Adam; returns the loss after the last step (the start loss for 0 steps).</summary>
    private static double Adam(GatedGaussianMoe model, Tensor x, Tensor y, int steps, double learningRate)
    {
        if (steps <= 0) return Evaluate(model, x, y);
        using var optimizer = optim.Adam(model.parameters(), learningRate);
        for (int s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.NegativeLogLikelihood(x, y);
            loss.backward();
            optimizer.step();
        }
        return Evaluate(model, x, y);
    }

    private static double LossAndBackward(GatedGaussianMoe model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var loss = model.NegativeLogLikelihood(x, y);
        loss.backward();
        return loss.item<double>();
    }

    private static double Evaluate(GatedGaussianMoe model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        double v = model.NegativeLogLikelihood(x, y).item<double>();
        return double.IsFinite(v) ? v : double.PositiveInfinity;
    }
}
