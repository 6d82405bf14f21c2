using System.Diagnostics;
using Evaluators.Families.KanBasis;
using Search.Genomes.KanBasis;
using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Kan;

/// <summary>
/// One basis: median ms of a KAN layer step and of an nn.Linear step of the same shape, timed in the same run,
/// on the thread's CPU clock (<see cref="ThreadCpuClock"/>; the ratio uses these) and on the wall clock.
/// </summary>
public sealed record KanStepRow(string Name, string Basis, double KanMs, double LinearMs, double KanWallMs, double LinearWallMs)
{
    public double Ratio => KanMs / LinearMs;
    public double WallRatio => KanWallMs / LinearWallMs;
}

/// <summary>
/// The issue's speed check: forward + backward (loss = sum, backward, zero grads) of one KAN layer
/// in -> out at batch N, float32, one thread, against nn.Linear(in, out) timed step by step in
/// alternation with it (so both see the same machine load), after a warm-up. The input requires
/// grad, as for a hidden layer, so both layers also compute their input gradient. Times are the calling
/// thread's CPU time (wall clock too, for reference), so other processes on the machine move them little.
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

    /// <param name="only">Names from <see cref="Bases"/> to measure; null for all.</param>
    public static IReadOnlyList<KanStepRow> Measure(int repeats = 30, Action<string>? progress = null,
        int inFeatures = 1000, int outFeatures = 1000, int batch = 100, int warmup = 3, IReadOnlyCollection<string>? only = null)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least one timed step");
        if (only?.FirstOrDefault(n => Bases.All(b => b.Name != n)) is { } unknown)
            throw new ArgumentException($"unknown basis '{unknown}'; known: {string.Join(", ", Bases.Select(b => b.Name))}", nameof(only));
        int threads = get_num_threads();
        set_num_threads(1);
        try
        {
            var rows = new List<KanStepRow>();
            foreach (var (name, basis) in Bases)
            {
                if (only is not null && !only.Contains(name)) continue;
                var row = MeasureOne(name, basis, repeats, warmup, inFeatures, outFeatures, batch);
                progress?.Invoke($"{name} {basis.Text}: kan {row.KanMs:F2} ms, linear {row.LinearMs:F2} ms, ratio {row.Ratio:F2}" +
                    $" (wall clock: {row.KanWallMs:F2} / {row.LinearWallMs:F2} ms, {row.WallRatio:F2})");
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
        var times = new List<double>[4];
        for (int t = 0; t < times.Length; t++) times[t] = [];
        for (int r = 0; r < warmup + repeats; r++)
        {
            var (k, kWall) = Step(kan, x);
            var (l, lWall) = Step(linear, x);
            if (r < warmup) continue;
            times[0].Add(k);
            times[1].Add(l);
            times[2].Add(kWall);
            times[3].Add(lWall);
        }
        return new KanStepRow(name, basis.Text, Stats.Median(times[0]), Stats.Median(times[1]), Stats.Median(times[2]), Stats.Median(times[3]));
    }

    private static (double Cpu, double Wall) Step(nn.Module<Tensor, Tensor> module, Tensor x)
    {
        var wall = Stopwatch.StartNew();
        double cpu = ThreadCpuClock.NowMs();
        using (var scope = NewDisposeScope())
        {
            module.forward(x).sum().backward();
            module.zero_grad();
            x.grad?.zero_();
        }
        return (ThreadCpuClock.NowMs() - cpu, wall.Elapsed.TotalMilliseconds);
    }

}
