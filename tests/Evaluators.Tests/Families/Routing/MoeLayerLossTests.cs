using Evaluators.Families.Routing;
using Evaluators.Runtime;
using Search.Genomes.Routing;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Families.Routing;

/// <summary>Load-balance and z-loss against a hand computation; drops counted on constructed examples.</summary>
public class MoeLayerLossTests
{
    public MoeLayerLossTests() => TorchRuntime.EnsureReady(1);

    private static MoeLayer Layer(RoutingGenome genome, int d, double[] routerWeight)
    {
        manual_seed(11);
        var layer = new MoeLayer(genome, d, 4);
        layer.to(float64);
        using (no_grad()) layer.RouterWeight.copy_(tensor(routerWeight, genome.Experts, d, dtype: float64));
        return layer;
    }

    [Fact]
    public void Load_balance_and_z_loss_match_a_hand_computation()
    {
        // E = 3, d = 2, N = 4, top-2, tau = 2.
        const int E = 3, d = 2, n = 4, k = 2;
        const double tau = 2, lb = 0.01, zw = 0.001;
        double[] w = [1.0, -0.5, 0.2, 0.8, -1.0, 0.3];
        double[] x = [0.5, 1.0, -1.5, 0.2, 2.0, -0.7, 0.1, 0.1];
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, E, k, capacity: 2.0, lb: lb, zLoss: zw, tau: tau);
        using var layer = Layer(genome, d, w);
        using var scope = NewDisposeScope();
        layer.forward(tensor(x, n, d, dtype: float64));

        var counts = new double[E];
        var meanP = new double[E];
        double z = 0;
        for (int t = 0; t < n; t++)
        {
            var l = new double[E];
            for (int i = 0; i < E; i++) l[i] = x[t * d] * w[i * d] + x[t * d + 1] * w[i * d + 1];
            double m = l.Max(), lse = m + Math.Log(l.Sum(v => Math.Exp(v - m)));
            z += lse * lse / n;
            double mt = l.Max() / tau, s = l.Sum(v => Math.Exp(v / tau - mt));
            var p = l.Select(v => Math.Exp(v / tau - mt) / s).ToArray();
            for (int i = 0; i < E; i++) meanP[i] += p[i] / n;
            foreach (int i in Enumerable.Range(0, E).OrderByDescending(i => p[i]).Take(k)) counts[i]++;
        }
        double balance = E * Enumerable.Range(0, E).Sum(i => counts[i] / (n * k) * meanP[i]);

        Assert.Equal(balance, layer.LoadBalanceTerm!.item<double>(), 12);
        Assert.Equal(z, layer.ZLossTerm!.item<double>(), 12);
        Assert.Equal(lb * balance + zw * z, layer.AuxiliaryLoss!.item<double>(), 12);
        Assert.Equal(counts.Select(c => (long)c), layer.ExpertLoad); // capacity 4 >= every count: nothing dropped
    }

    [Fact]
    public void Balanced_routing_gives_load_balance_one_and_zero_weights_give_no_auxiliary_loss()
    {
        // Two tokens, two experts, router = identity: token 0 -> expert 0, token 1 -> expert 1, P = (1/2, 1/2).
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 2, 1, capacity: 1.0, lb: 0, zLoss: 0);
        using var layer = Layer(genome, 2, [1, 0, 0, 1]);
        using var scope = NewDisposeScope();
        layer.forward(tensor(new double[] { 1, 0, 0, 1 }, 2, 2, dtype: float64));
        Assert.Equal(1.0, layer.LoadBalanceTerm!.item<double>(), 12);
        Assert.Null(layer.AuxiliaryLoss);
        Assert.Equal(0, layer.DroppedTokens);
    }

    [Fact]
    public void Top_1_drops_the_routes_past_capacity_in_token_order()
    {
        // d = 2, E = 2, router logits (x0, -x0): 6 tokens go to expert 0, 2 to expert 1. Capacity 1.0 -> C = 8 / 2 = 4.
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 2, 1, capacity: 1.0);
        using var layer = Layer(genome, 2, [1, 0, -1, 0]);
        using var scope = NewDisposeScope();
        double[] x0 = [1, 2, -1, 3, 0.5, -2, 4, 5]; // expert 0: tokens 0 1 3 4 6 7 -> 6 and 7 dropped
        var x = stack(x0.Select(v => tensor(new[] { v, 0.3 }, dtype: float64)).ToArray());
        var y = layer.forward(x);

        Assert.Equal(4, TokenChoiceDispatch.CapacityOf(8, 2, 1, 1.0));
        Assert.Equal(2, layer.DroppedTokens);
        Assert.Equal(2, layer.DroppedRoutes);
        Assert.Equal(new long[] { 4, 2 }, layer.ExpertLoad);
        var rowZero = y.abs().sum(1).eq(0).data<bool>().ToArray();
        Assert.Equal(new[] { false, false, false, false, false, false, true, true }, rowZero);
    }

    [Fact]
    public void Top_2_queues_first_choices_before_second_choices()
    {
        // d = 1, E = 4, positive tokens, router (2, 1, 0, -1): every token picks expert 0 then expert 1.
        // k = 2, capacity 1.0 -> C = 4 * 2 / 4 = 2: tokens 0, 1 keep both routes, tokens 2, 3 lose both.
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 4, 2, capacity: 1.0);
        using var layer = Layer(genome, 1, [2, 1, 0, -1]);
        using var scope = NewDisposeScope();
        var y = layer.forward(tensor(new double[] { 1, 2, 3, 4 }, 4, 1, dtype: float64));

        Assert.Equal(4, layer.DroppedRoutes);
        Assert.Equal(2, layer.DroppedTokens);
        Assert.Equal(new long[] { 2, 2, 0, 0 }, layer.ExpertLoad);
        Assert.Equal(new[] { false, false, true, true }, y.abs().sum(1).eq(0).data<bool>().ToArray());
    }

    [Fact]
    public void A_second_choice_never_displaces_a_later_tokens_first_choice()
    {
        // d = 2, E = 3, k = 2, N = 3, capacity 1.0 -> C = 3 * 2 / 3 = 2. Router rows (1, 0), (0, 1), (-5, -5):
        // token 0 = (0.5, 1) picks experts 1 then 0; tokens 1 = (1, 0.5) and 2 = (2, 1) pick 0 then 1.
        // Choice-major queues: expert 0 takes the first choices of tokens 1 and 2, so token 0's second choice
        // (expert 0) and token 2's second choice (expert 1, behind tokens 0 and 1) are dropped; no token
        // loses both routes (token-major order would drop both of token 2's routes).
        var genome = MoeTestGenomes.Gate(GateType.SoftmaxTopK, 3, 2, capacity: 1.0);
        using var layer = Layer(genome, 2, [1, 0, 0, 1, -5, -5]);
        using var scope = NewDisposeScope();
        layer.forward(tensor(new double[] { 0.5, 1, 1, 0.5, 2, 1 }, 3, 2, dtype: float64));

        Assert.Equal(2, layer.DroppedRoutes);
        Assert.Equal(0, layer.DroppedTokens);
        Assert.Equal(new long[] { 2, 2, 0 }, layer.ExpertLoad);
    }

    [Fact]
    public void Capacity_is_floor_of_factor_times_routes_per_expert_clamped_to_tokens()
    {
        Assert.Equal(5, TokenChoiceDispatch.CapacityOf(8, 4, 2, 1.25));
        Assert.Equal(8, TokenChoiceDispatch.CapacityOf(8, 2, 2, 4.0));
        Assert.Equal(1, TokenChoiceDispatch.CapacityOf(2, 64, 1, 1.0));
        Assert.Equal(5, ExpertChoiceDispatch.CapacityOf(10, 4, 2.0));
    }
}
