using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Evaluators.Slots;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>The layer's output against a hand-computed mixture: dense at k = E, expert choice buckets.</summary>
public class MoeLayerForwardTests
{
    public MoeLayerForwardTests() => TorchRuntime.EnsureReady(1);

    private static MoeLayer Layer(RoutingGenome genome, int d, int h, long seed = 7)
    {
        manual_seed(seed);
        var layer = new MoeLayer(genome, d, h);
        layer.to(float64);
        return layer;
    }

    /// <summary>Expert e on x (N, d) as its own Linear -> GELU -> Linear, outside the layer.</summary>
    private static Tensor Expert(MoeLayer layer, int e, Tensor x)
    {
        var b = layer.Experts;
        var h = nn.functional.gelu(x.matmul(b.W1[e]).add(b.B1[e]));
        return h.matmul(b.W2[e]).add(b.B2[e]);
    }

    private static double[,] Logits(MoeLayer layer, double[,] x)
    {
        var w = layer.RouterWeight.data<double>().ToArray();
        int n = x.GetLength(0), d = x.GetLength(1), e = layer.Genome.Experts;
        var l = new double[n, e];
        for (int t = 0; t < n; t++)
            for (int i = 0; i < e; i++)
                for (int j = 0; j < d; j++)
                    l[t, i] += x[t, j] * w[i * d + j];
        return l;
    }

    private static double[] Softmax(double[] z)
    {
        double m = z.Max();
        var ex = z.Select(v => Math.Exp(v - m)).ToArray();
        double s = ex.Sum();
        return ex.Select(v => v / s).ToArray();
    }

    private static double[,] ToArray(Tensor x)
    {
        var a = x.data<double>().ToArray();
        int n = (int)x.shape[0], d = (int)x.shape[1];
        var r = new double[n, d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) r[i, j] = a[i * d + j];
        return r;
    }

    [Theory]
    [InlineData(GateType.SoftmaxTopK)]
    [InlineData(GateType.NoisyTopK)] // eval mode: no noise
    [InlineData(GateType.DenseToSparse)]
    [InlineData(GateType.ActSoftmax)]
    public void Top_k_with_k_equal_to_experts_is_the_dense_softmax_mixture(GateType gate)
    {
        const int E = 4, d = 3, h = 5, n = 6;
        var genome = MoeTestGenomes.Gate(gate, E, E, capacity: 1.0, tau: 0.7, activation: GateActivation.Tanh);
        using var layer = Layer(genome, d, h);
        layer.eval();
        layer.BeforeStep(new TrainingStep(30, 100));
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(n, d, dtype: float64);
        var y = layer.forward(x);

        double tau = GateTemperature.At(genome, 30);
        var logits = Logits(layer, ToArray(x));
        var expected = zeros(n, d, dtype: float64);
        for (int t = 0; t < n; t++)
        {
            var z = Enumerable.Range(0, E).Select(i => logits[t, i]).Select(v => gate == GateType.ActSoftmax ? Math.Tanh(v) : v)
                .Select(v => v / tau).ToArray();
            var p = Softmax(z);
            for (int i = 0; i < E; i++)
                expected[t].add_(Expert(layer, i, x[t].unsqueeze(0)).squeeze(0).mul(p[i]));
        }
        Assert.True(y.allclose(expected, rtol: 0, atol: 1e-6), $"max |diff| {y.sub(expected).abs().max().item<double>()}");
        Assert.Equal(0, layer.DroppedRoutes);
        Assert.Equal(Enumerable.Repeat((long)n, E), layer.ExpertLoad);
    }

    [Fact]
    public void Dense_to_sparse_temperature_follows_its_cosine_schedule()
    {
        var genome = MoeTestGenomes.Gate(GateType.DenseToSparse, 4, 2, 1.0, tau: 0.5); // 2 -> 0.5 over 100 steps
        Assert.Equal(2.0, GateTemperature.At(genome, 0), 12);
        Assert.Equal(1.25, GateTemperature.At(genome, 50), 12);
        Assert.Equal(0.5, GateTemperature.At(genome, 100), 12);
        Assert.Equal(0.5, GateTemperature.At(genome, 500), 12);
    }

    [Fact]
    public void Expert_choice_fills_every_bucket_with_its_top_tokens()
    {
        const int E = 4, d = 3, h = 5, n = 10;
        var genome = MoeTestGenomes.Gate(GateType.ExpertChoice, E, 0, capacity: 2.0, tau: 1.0);
        using var layer = Layer(genome, d, h);
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn(n, d, dtype: float64);
        var y = layer.forward(x);

        const int C = 5; // floor(2 * 10 / 4)
        Assert.Equal(C, ExpertChoiceDispatch.CapacityOf(n, E, 2.0));
        Assert.Equal(Enumerable.Repeat((long)C, E), layer.ExpertLoad);

        var logits = Logits(layer, ToArray(x));
        var s = new double[n][];
        for (int t = 0; t < n; t++) s[t] = Softmax(Enumerable.Range(0, E).Select(i => logits[t, i]).ToArray());
        var expected = zeros(n, d, dtype: float64);
        var taken = new bool[n];
        for (int i = 0; i < E; i++)
        {
            var top = Enumerable.Range(0, n).OrderByDescending(t => s[t][i]).Take(C).ToArray();
            Assert.Equal(C, top.Length);
            foreach (int t in top)
            {
                taken[t] = true;
                expected[t].add_(Expert(layer, i, x[t].unsqueeze(0)).squeeze(0).mul(s[t][i]));
            }
        }
        Assert.True(y.allclose(expected, rtol: 0, atol: 1e-6), $"max |diff| {y.sub(expected).abs().max().item<double>()}");
        Assert.Equal(taken.Count(b => !b), layer.DroppedTokens);
        Assert.Equal(0, layer.DroppedRoutes);
    }

    [Fact]
    public void Leading_dimensions_are_flattened_and_restored()
    {
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, capacity: 4.0);
        using var layer = Layer(genome, 3, 5);
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 3, dtype: float64);
        var y = layer.forward(x);
        Assert.Equal(new long[] { 2, 5, 3 }, y.shape);
        Assert.True(y.reshape(10, 3).allclose(layer.forward(x.reshape(10, 3)), rtol: 0, atol: 1e-12));
    }
}
