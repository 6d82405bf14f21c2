using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>Top-p picks exactly the experts a hand computation picks; its capacity, drops and load balance.</summary>
public class MoeLayerTopPTests
{
    public MoeLayerTopPTests() => TorchRuntime.EnsureReady(1);

    private static readonly double[][] Q =
    [
        [0.5, 0.3, 0.15, 0.05],  // p = 0.4: the first expert reaches the threshold alone
        [0.05, 0.25, 0.6, 0.1],
        [0.3, 0.28, 0.22, 0.2],  // flat: two experts at p = 0.4
        [0.05, 0.1, 0.15, 0.7],
    ];

    private static int[][] Taken(Tensor mask) =>
        Enumerable.Range(0, (int)mask.shape[0])
            .Select(t => Enumerable.Range(0, (int)mask.shape[1]).Where(e => mask[t, e].item<bool>()).ToArray()).ToArray();

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.6)]
    [InlineData(0.75)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void The_mask_takes_exactly_the_hand_computed_experts(double p)
    {
        using var scope = NewDisposeScope();
        var probabilities = tensor(Q.SelectMany(r => r).ToArray(), Q.Length, 4, dtype: float64);
        var taken = Taken(TopPSelection.Mask(probabilities, probabilities, p));
        for (int t = 0; t < Q.Length; t++) Assert.Equal(MoeReference.TopP(Q[t], Q[t], p), taken[t]);
    }

    [Fact]
    public void Spelled_out_cases_first_expert_alone_and_p_one()
    {
        using var scope = NewDisposeScope();
        var probabilities = tensor(Q.SelectMany(r => r).ToArray(), Q.Length, 4, dtype: float64);
        Assert.Equal([[0], [2], [0, 1], [3]], Taken(TopPSelection.Mask(probabilities, probabilities, 0.4)));
        Assert.Equal([[0, 1], [1, 2], [0, 1, 2], [2, 3]], Taken(TopPSelection.Mask(probabilities, probabilities, 0.75)));
        // p = 1 takes experts until their sum reaches 1: all four here (0.95, 0.95, 0.8, 0.95 before the last) ...
        Assert.Equal([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]], Taken(TopPSelection.Mask(probabilities, probabilities, 1.0)));
        // ... and only two where two experts already hold all the mass.
        var half = tensor(new double[] { 0.5, 0, 0.5, 0 }, 1, 4, dtype: float64);
        Assert.Equal([[0, 2]], Taken(TopPSelection.Mask(half, half, 1.0)));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void The_layer_mixes_the_chosen_experts_with_their_unnormalised_probabilities(double p)
    {
        var genome = MoeTestGenomes.Gate(GateType.TopP, 4, 0, capacity: 4.0, p: p);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        var x = MoeReference.TokensFor(Q);
        var y = layer.forward(x);

        var routes = Q.Select(q => MoeReference.TopP(q, q, p).Select(e => (e, q[e])).ToArray()).ToList();
        var expected = MoeReference.Mixture(layer, x, routes);
        Assert.True(y.allclose(expected, rtol: 0, atol: 1e-9), $"max |diff| {y.sub(expected).abs().max().item<double>()}");
        var load = Enumerable.Range(0, 4).Select(e => (long)routes.Count(r => r.Any(c => c.Item1 == e))).ToArray();
        Assert.Equal(load, layer.ExpertLoad);
        Assert.Equal(0, layer.DroppedRoutes);
    }

    [Fact]
    public void Capacity_counts_the_batchs_routes_and_drops_rank_major()
    {
        // E = 2, p = 0.6. Tokens 0, 1, 4 take expert 0 alone, token 3 expert 1, token 2 both (0.55 < 0.6).
        // R = 6 routes, C = floor(1.0 * 6 / 2) = 3. Queues: rank 0 (t0 e0, t1 e0, t2 e0, t3 e1, t4 e0), then
        // rank 1 (t2 e1). Expert 0 runs t0, t1, t2 and drops t4; expert 1 runs t3, t2.
        double[][] q = [[0.9, 0.1], [0.8, 0.2], [0.55, 0.45], [0.3, 0.7], [0.95, 0.05]];
        var genome = MoeTestGenomes.Gate(GateType.TopP, 2, 0, capacity: 1.0, p: 0.6, lb: 0.01, zLoss: 0);
        using var layer = MoeReference.IdentityRouted(genome);
        using var scope = NewDisposeScope();
        var x = MoeReference.TokensFor(q);
        var y = layer.forward(x);

        Assert.Equal(3, TokenChoiceDispatch.CapacityOfRoutes(5, 6, 2, 1.0));
        Assert.Equal(new long[] { 3, 2 }, layer.ExpertLoad);
        Assert.Equal(1, layer.DroppedRoutes);
        Assert.Equal(1, layer.DroppedTokens);
        var expected = MoeReference.Mixture(layer, x, [[(0, 0.9)], [(0, 0.8)], [(0, 0.55), (1, 0.45)], [(1, 0.7)], []]);
        Assert.True(y.allclose(expected, rtol: 0, atol: 1e-9), $"max |diff| {y.sub(expected).abs().max().item<double>()}");

        // Switch load balance over the routes before capacity: f = (4, 2) / 6, P = mean of q.
        double p0 = q.Average(r => r[0]), p1 = q.Average(r => r[1]);
        Assert.Equal(2 * (4.0 / 6 * p0 + 2.0 / 6 * p1), layer.LoadBalanceTerm!.item<double>(), 12);
    }
}
