using Evaluators.Compile;
using Search.Core;
using Search.Genomes.Activation;
using TorchSharp;
using static TorchSharp.torch;

namespace Bench.Fidelity;

/// <summary>One function of the panel: a short label, its genome, and the closed form it must equal (null for random genomes).</summary>
public sealed record PanelEntry(string Label, ActivationGenome Genome, Func<double, double>? Reference, ulong? RandomSeed = null);

/// <summary>
/// The fixed panel of activations whose rankings the bench compares: fifteen known functions (each
/// parsed with the activation family and checked against its closed form on [-5, 5]), then three
/// random genomes of the default space's family settings, drawn as the search's initial population
/// is (<see cref="ActivationFamily.Random"/>), from fixed seeds: the first three seeds whose genome
/// is finite, bounded by the sanity stage's 1e4 and not constant on [-5, 5], and not already on the panel.
/// </summary>
public static class FidelityPanel
{
    public const int RandomCount = 3;

    // Closed forms, in float64 (gelu: the tanh form, within 5e-4 of the erf one the primitive uses).
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    public static readonly (string Label, string Text, Func<double, double> Reference)[] Known =
    [
        ("relu", "relu(x)", x => Math.Max(x, 0)),
        ("leaky_relu", "leaky_relu(x)", x => x > 0 ? x : 0.01 * x),
        ("elu", "elu(x)", x => x > 0 ? x : Math.Exp(x) - 1),
        ("selu", "selu(x)", x => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1))),
        ("gelu", "gelu(x)", x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
        ("silu", "silu(x)", x => x * Sigmoid(x)),
        ("mish", "mish(x)", x => x * Math.Tanh(Softplus(x))),
        ("tanh", "tanh(x)", Math.Tanh),
        ("softplus", "softplus(x)", Softplus),
        ("softsign", "softsign(x)", x => x / (1 + Math.Abs(x))),
        ("hard_swish", "x * min(max(x + 3, 0), 6) / 6", x => x * Math.Min(Math.Max(x + 3, 0), 6) / 6),
        ("crrelu", "relu(x) + @e(0.01) * x * exp(-x^2 / 2)", x => Math.Max(x, 0) + 0.01 * x * Math.Exp(-x * x / 2)),
        ("2relu", "x + abs(x)", x => 2 * Math.Max(x, 0)),
        ("swish_0.5", "x * sigmoid(0.5 * x)", x => x * Sigmoid(0.5 * x)),
        ("swish_2", "x * sigmoid(2 * x)", x => x * Sigmoid(2 * x)),
    ];

    /// <summary>The full panel: the known functions in order, then the random genomes; <paramref name="size"/> keeps the first N.</summary>
    public static IReadOnlyList<PanelEntry> Build(ActivationFamily randomFrom, int? size = null)
    {
        var parser = new ActivationFamily();
        var panel = Known.Select(k => new PanelEntry(k.Label, parser.Parse(k.Text), k.Reference)).ToList();
        foreach (var entry in panel) Verify(entry);
        int need = Math.Min(RandomCount, Math.Max(0, (size ?? int.MaxValue) - panel.Count));
        if (need > 0) panel.AddRange(Random(randomFrom, need, panel.Select(e => e.Genome.Text).ToHashSet()));
        return size is { } n ? panel.Take(n).ToArray() : panel;
    }

    /// <summary>The first <paramref name="count"/> usable random genomes of seeds 1, 2, ...</summary>
    public static IReadOnlyList<PanelEntry> Random(ActivationFamily family, int count, IReadOnlySet<string>? exclude = null)
    {
        var found = new List<PanelEntry>();
        var seen = new HashSet<string>(exclude ?? new HashSet<string>());
        for (ulong seed = 1; found.Count < count; seed++)
        {
            if (seed > 10_000) throw new InvalidOperationException($"only {found.Count} usable random genomes in 10000 seeds");
            var genome = family.Random(new Rng(seed));
            if (!family.IsWithinLimits(genome) || !seen.Add(genome.Text) || !Usable(genome)) continue;
            found.Add(new PanelEntry($"random_s{seed}", genome, null, seed));
        }
        return found;
    }

    /// <summary>
    /// Finite, |f| &lt;= 1e4, not constant (standard deviation over 1e-4) and not linear (the residual of
    /// the least-squares line over 1% of the spread: a linear activation makes the network linear,
    /// which every task ranks last and which would only inflate the rank agreement) on 201 points of
    /// [-5, 5], in float32 as trained.
    /// </summary>
    public static bool Usable(ActivationGenome genome)
    {
        var y = Evaluate(genome, ScalarType.Float32);
        if (y.Any(v => !double.IsFinite(v) || Math.Abs(v) > 1e4)) return false;
        double mean = y.Average(), xMean = Grid.Average();
        double spread = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        if (spread <= 1e-4) return false;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < y.Length; i++) (sxy, sxx) = (sxy + (Grid[i] - xMean) * (y[i] - mean), sxx + (Grid[i] - xMean) * (Grid[i] - xMean));
        double slope = sxy / sxx, squares = 0;
        for (int i = 0; i < y.Length; i++) squares += Math.Pow(y[i] - mean - slope * (Grid[i] - xMean), 2);
        double residual = Math.Sqrt(squares / y.Length);
        return residual > 0.01 * spread;
    }

    /// <summary>Throws when a known entry's compiled genome strays from its closed form by more than 2e-3 on [-5, 5].</summary>
    public static void Verify(PanelEntry entry)
    {
        if (entry.Reference is null) return;
        var y = Evaluate(entry.Genome, ScalarType.Float64);
        for (int i = 0; i < Grid.Length; i++)
        {
            double expected = entry.Reference(Grid[i]);
            if (!(Math.Abs(y[i] - expected) <= 2e-3))
                throw new InvalidOperationException(
                    $"panel entry {entry.Label} = {entry.Genome.Text}: f({Grid[i]:0.##}) = {y[i]}, expected {expected}");
        }
    }

    private static readonly double[] Grid = Enumerable.Range(0, 201).Select(i => -5 + i * 0.05).ToArray();

    private static double[] Evaluate(ActivationGenome genome, ScalarType type)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var module = new ActivationModule(genome);
        var x = tensor(Grid, dtype: ScalarType.Float64).to_type(type);
        return module.forward(x).to_type(ScalarType.Float64).data<double>().ToArray();
    }
}
