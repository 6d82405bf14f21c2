using System.Diagnostics;
using System.Globalization;
using System.Text;
using Evaluators.Families.Routing.Gating;

namespace Bench.Routing;

/// <summary>Options of the gating benchmark; the defaults finish in under 12 minutes on one core.</summary>
public sealed record RoutingGatingOptions
{
    public IReadOnlyList<int> SampleSizes { get; init; } = [100, 316, 1000, 3162, 10000, 31623, 100000];

    /// <summary>Replicates (data seeds) per n and gate; fewer run when <see cref="BudgetSeconds"/> would be passed.</summary>
    public int Replicates { get; init; } = 10;

    /// <summary>A new replicate round starts only if the last round's time still fits in this budget.</summary>
    public double BudgetSeconds { get; init; } = 600;

    /// <summary>Fitted experts (k); the truth has <see cref="RoutingGating.TrueExperts"/>.</summary>
    public int FittedExperts { get; init; } = 3;

    public GatingFitOptions Fit { get; init; } = new();
}

/// <summary>One n: the median Voronoi error of each gate over the replicates (and the raw tau error of the temperature fit).</summary>
public sealed record RoutingGatingRow(int N, double MedianSoftmax, double MedianAct, double MedianTauError, int Replicates);

public sealed record RoutingGatingResult(double SlopeSoftmax, double SlopeAct, string Table, IReadOnlyList<RoutingGatingRow> Rows, int Replicates, TimeSpan Elapsed);

/// <summary>
/// The parameter-estimation benchmark of Nguyen, Akbarian and Ho, "Is temperature sample efficient for softmax
/// Gaussian mixture of experts?" (ICML 2024): draw n samples from a known gated Gaussian MoE (d = 1, k* = 2),
/// fit an over-specified k = 3 MoE of the same gate by maximum likelihood, and measure the Voronoi loss
/// (<see cref="VoronoiLoss"/>) against n, for temperature softmax gating and tanh-then-softmax gating, each
/// fitted to data from its own family. The figure is the least-squares slope of log(median error) on log n.
/// See src/Evaluators/Families/Routing/Gating/README.md.
/// </summary>
public static class RoutingGating
{
    public const int TrueExperts = 2;

    /// <summary>The true temperature model: tau* = 1, beta1* = (2, -1), beta0* = (0, 0), experts a* = (1, -1), b* = (0.5, -0.5), nu* = (0.1, 0.2).</summary>
    public static GaussianMoeParameters TrueSoftmax { get; } = new(GatingKind.SoftmaxTemperature,
        GaussianMoeParameters.Matrix(2, 1, 2, -1), [0, 0], 1.0, GaussianMoeParameters.Matrix(2, 1, 1, -1), [0.5, -0.5], [0.1, 0.2]);

    /// <summary>The true activation model: logits tanh(beta1* x) + beta0*, beta1* = (2, -1), beta0* = (0, 0), same experts. Not (2, -2): with tanh odd, a common shift of beta1 then changes the model at second order only.</summary>
    public static GaussianMoeParameters TrueAct { get; } = TrueSoftmax with { Kind = GatingKind.ActivationSoftmax };

    public static RoutingGatingResult Run(RoutingGatingOptions? options = null, Action<string>? progress = null)
    {
        options ??= new RoutingGatingOptions();
        progress ??= _ => { };
        if (options.SampleSizes.Count < 2 || options.SampleSizes.Any(n => n < 10)) throw new ArgumentException("expected at least two sample sizes, each >= 10");
        if (options.Replicates < 1) throw new ArgumentException($"replicates = {options.Replicates}: expected at least 1");
        var clock = Stopwatch.StartNew();
        var sizes = options.SampleSizes.ToArray();
        var errors = sizes.ToDictionary(n => n, _ => (Softmax: new List<double>(), Act: new List<double>(), Tau: new List<double>()));
        int done = 0;
        double lastRound = 0;
        for (int r = 0; r < options.Replicates; r++)
        {
            if (r > 0 && clock.Elapsed.TotalSeconds + lastRound > options.BudgetSeconds)
            {
                progress($"budget {options.BudgetSeconds:F0} s: stopping after {r} replicate(s) (a round takes {lastRound:F0} s)");
                break;
            }
            double roundStart = clock.Elapsed.TotalSeconds;
            foreach (int n in sizes)
            {
                foreach (var truth in new[] { TrueSoftmax, TrueAct })
                {
                    int seed = unchecked(1_000_003 * r + 7919 * n + (truth.Kind == GatingKind.SoftmaxTemperature ? 0 : 104_729));
                    var t0 = clock.Elapsed.TotalSeconds;
                    var (x, y) = GaussianMoeSampler.Sample(truth, n, seed);
                    var fit = GatingFit.Fit(truth.Kind, options.FittedExperts, x, y, seed, options.Fit);
                    var loss = VoronoiLoss.Compute(fit.Parameters, truth);
                    var e = errors[n];
                    if (truth.Kind == GatingKind.SoftmaxTemperature)
                    {
                        e.Softmax.Add(loss.Total);
                        e.Tau.Add(Math.Abs(fit.Parameters.Tau - truth.Tau));
                    }
                    else e.Act.Add(loss.Total);
                    progress(string.Create(CultureInfo.InvariantCulture,
                        $"replicate {r} n {n,6} {Name(truth.Kind),-7} voronoi {loss.Total:E3} (weights {loss.WeightTerm:E2}, cells [{string.Join(",", loss.CellSizes)}]) nll {fit.NegativeLogLikelihood:F4} tau {fit.Parameters.Tau:F3} {clock.Elapsed.TotalSeconds - t0:F1} s"));
                }
            }
            lastRound = clock.Elapsed.TotalSeconds - roundStart;
            done = r + 1;
        }
        var rows = sizes.Select(n => new RoutingGatingRow(n, Stats.Median(errors[n].Softmax), Stats.Median(errors[n].Act), Stats.Median(errors[n].Tau), done)).ToList();
        double slopeSoftmax = Slope(rows.Select(r => (double)r.N), rows.Select(r => r.MedianSoftmax));
        double slopeAct = Slope(rows.Select(r => (double)r.N), rows.Select(r => r.MedianAct));
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| n | median Voronoi error, temperature softmax | median Voronoi error, tanh then softmax | median abs(tau - tau*) | replicates |");
        table.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.N} | {row.MedianSoftmax:E3} | {row.MedianAct:E3} | {row.MedianTauError:E2} | {row.Replicates} |");
        table.Append(CultureInfo.InvariantCulture, $"| log-log slope | {slopeSoftmax:F3} | {slopeAct:F3} | | |");
        return new RoutingGatingResult(slopeSoftmax, slopeAct, table.ToString(), rows, done, clock.Elapsed);
    }

    /// <summary>Least-squares slope of log(error) on log(n).</summary>
    public static double Slope(IEnumerable<double> n, IEnumerable<double> error)
    {
        var u = n.Select(v => Math.Log(v)).ToArray();
        var v = error.Select(v => Math.Log(v)).ToArray();
        if (u.Length != v.Length || u.Length < 2) throw new ArgumentException("expected at least two (n, error) pairs");
        double mu = u.Average(), mv = v.Average();
        double num = 0, den = 0;
        for (int i = 0; i < u.Length; i++) (num, den) = (num + (u[i] - mu) * (v[i] - mv), den + (u[i] - mu) * (u[i] - mu));
        return num / den;
    }

    private static string Name(GatingKind kind) => kind == GatingKind.SoftmaxTemperature ? "softmax" : "act";
}
