using System.Diagnostics;
using Evaluators.Families.KanBasis;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Kan;

/// <summary>One basis: median ms of a KAN layer step and of an nn.Linear step of the same shape, timed in the same run.</summary>
public sealed record KanStepRow(string Name, string Basis, double KanMs, double LinearMs)
{
    public double Ratio => KanMs / LinearMs;
}

/// <summary>
/// The speed check: forward + backward (loss = sum, backward, zero grads) of one KAN layer
/// in -> out at batch N, float32, one thread, against nn.Linear(in, out) timed step by step in
/// alternation with it (so both see the same machine load), after a warm-up. The input requires
/// grad, as for a hidden layer, so both layers also compute their input gradient.
/// </summary>
public static class KanStepRatios
{
    /// <summary>Every basis kind at its published (or this project's default) settings, by the name used in figures.</summary>
    public static IReadOnlyList<(string Name, Basis Basis)> Bases { get; } =
    [
        ("bspline", new BSplineBasis(5, 3)), // efficient-kan
        ("rbf", new RbfBasis(8, 1, 2)), // FastKAN: 8 centres on [-2, 2]
        ("chebyshev", new ChebyshevBasis(4)), // ChebyKAN's examples
        ("fourier", new FourierBasis(5)),
        ("rational", new RationalBasis(5, 4, 8)), // KAT
        ("relu_kan", new ReluKanBasis(5, 3)),
        ("af_kan", new AfKanBasis()),
        ("select", SelectBasis.Create([new ChebyshevBasis(4), new FourierBasis(5)])),
    ];

    public static IReadOnlyList<KanStepRow> Measure(int repeats = 30, Action<string>? progress = null,
        int inFeatures = 1000, int outFeatures = 1000, int batch = 100, int warmup = 3)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least one timed step");
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            var rows = new List<KanStepRow>();
            foreach (var (name, basis) in Bases)
            {
                var row = MeasureOne(name, basis, repeats, warmup, inFeatures, outFeatures, batch);
                progress?.Invoke($"{name} {basis.Text}: kan {row.KanMs:F2} ms, linear {row.LinearMs:F2} ms, ratio {row.Ratio:F2}");
                rows.Add(row);
            }
            return rows;
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private static KanStepRow MeasureOne(string name, Basis basis, int repeats, int warmup, int inFeatures, int outFeatures, int batch)
    {
        manual_seed(1);
        using var kan = new KanLayerModule(KanLayer.Create(basis), inFeatures, outFeatures);
        using var linear = nn.Linear(inFeatures, outFeatures);
        using var x = randn(batch, inFeatures).requires_grad_(true);
        var kanMs = new List<double>();
        var linearMs = new List<double>();
        for (int r = 0; r < warmup + repeats; r++)
        {
            double k = Step(kan, x), l = Step(linear, x);
            if (r < warmup) continue;
            kanMs.Add(k);
            linearMs.Add(l);
        }
        return new KanStepRow(name, basis.Text, Median(kanMs), Median(linearMs));
    }

    private static double Step(nn.Module<Tensor, Tensor> module, Tensor x)
    {
        var clock = Stopwatch.StartNew();
        using (var scope = NewDisposeScope())
        {
            module.forward(x).sum().backward();
            module.zero_grad();
            x.grad?.zero_();
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
